import { describe, expect, it } from "vitest";
import { archiveMonthPath, monthLabel, parseArchiveParams, parseMonthKey, tokyoMonthRange } from "@/lib/archive";

describe("archive months", () => {
  it("accepts /archive/YYYY/MM with a two-digit month from 01 to 12 only", () => {
    expect(parseArchiveParams({ year: "2026", month: "02" })).toEqual({ year: 2026, month: 2 });
    expect(parseArchiveParams({ year: "2026", month: "12" })).toEqual({ year: 2026, month: 12 });
    for (const bad of [
      { year: "2026", month: "2" },
      { year: "2026", month: "00" },
      { year: "2026", month: "13" },
      { year: "26", month: "02" },
      { year: "02026", month: "02" },
      { year: "abcd", month: "02" },
      { year: "2026", month: "02", extra: "x" },
      { year: "1800", month: "01" },
    ]) {
      expect(parseArchiveParams(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it("spans a Tokyo month: from 00:00 +09:00 on the 1st to the same time a month later", () => {
    const { start, end } = tokyoMonthRange({ year: 2026, month: 2 });
    expect(new Date(start).toISOString()).toBe("2026-01-31T15:00:00.000Z");
    expect(new Date(end).toISOString()).toBe("2026-02-28T15:00:00.000Z");
    const december = tokyoMonthRange({ year: 2025, month: 12 });
    expect(new Date(december.end).toISOString()).toBe("2025-12-31T15:00:00.000Z");
  });

  it("names and links months", () => {
    expect(monthLabel({ year: 2026, month: 2 })).toBe("February 2026");
    expect(archiveMonthPath({ year: 2026, month: 2 })).toBe("/archive/2026/02");
    expect(parseMonthKey("2017-02")).toEqual({ year: 2017, month: 2 });
    expect(parseMonthKey("2017-2")).toBeNull();
  });
});

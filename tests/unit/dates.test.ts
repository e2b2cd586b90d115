import { describe, expect, it } from "vitest";
import { formatDateline, isIsoDate, parseLongDate, toTokyoIsoString, tokyoDateOf } from "@/lib/dates";

describe("newsroom dates", () => {
  it("writes datelines the way the governor's pages do", () => {
    expect(formatDateline("2026-02-05")).toBe("February 5, 2026");
    expect(formatDateline("2025-12-31")).toBe("December 31, 2025");
    // In Japanese as the metropolitan government writes them (tests/unit/i18n-dates.test.ts has more).
    expect(formatDateline("2026-02-05", { dateLocale: "ja-JP" })).toBe("2026年2月5日");
  });

  it("parses long dates and rejects impossible ones", () => {
    expect(parseLongDate("February 5, 2026")).toBe("2026-02-05");
    expect(parseLongDate("February 30, 2026")).toBeNull();
    expect(parseLongDate("Febtember 5, 2026")).toBeNull();
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2028-02-29")).toBe(true);
  });

  it("writes instants in Tokyo time with the +09:00 offset", () => {
    const instant = new Date("2026-02-05T16:30:00Z");
    expect(toTokyoIsoString(instant)).toBe("2026-02-06T01:30:00+09:00");
    expect(tokyoDateOf(instant)).toBe("2026-02-06");
  });
});

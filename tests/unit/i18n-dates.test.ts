import { describe, expect, it } from "vitest";
import { formatDateline, formatMonth } from "@/lib/dates";
import { KNOWN_LANGUAGES } from "@/lib/languages";

const lang = (code: string) => KNOWN_LANGUAGES.find((l) => l.code === code)!;

describe("dates in the page's language", () => {
  it("writes datelines in Japanese and English", () => {
    expect(formatDateline("2026-02-05", lang("ja"))).toBe("2026年2月5日");
    expect(formatDateline("2026-02-05", lang("en"))).toBe("February 5, 2026");
    expect(formatDateline("2025-12-31", lang("ja"))).toBe("2025年12月31日");
  });

  it("keeps the one-argument form English", () => {
    expect(formatDateline("2026-02-05")).toBe("February 5, 2026");
  });

  it("is the calendar day given, whatever the server's time zone", () => {
    expect(formatDateline("2026-01-01", lang("ja"))).toBe("2026年1月1日");
    expect(formatDateline("2026-12-31", lang("en"))).toBe("December 31, 2026");
  });

  it("writes archive months", () => {
    expect(formatMonth({ year: 2026, month: 2 }, lang("ja"))).toBe("2026年2月");
    expect(formatMonth({ year: 2026, month: 2 }, lang("en"))).toBe("February 2026");
    expect(formatMonth({ year: 2025, month: 12 })).toBe("December 2025");
  });

  it("refuses what is not a date", () => {
    expect(() => formatDateline("2026-2-5", lang("ja"))).toThrow();
  });
});

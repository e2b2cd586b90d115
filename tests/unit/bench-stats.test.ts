import { describe, expect, it } from "vitest";
import { formatRatio, percentile, ratio, renderTable, timeRepeatedly } from "@/bench/stats";
import { withoutDistDirIncludes } from "@/bench/tsconfig-guard";

describe("percentile (nearest rank)", () => {
  const samples = [15, 20, 35, 40, 50];

  it("takes the smallest value with at least p% of the samples at or below it", () => {
    expect(percentile(samples, 0)).toBe(15);
    expect(percentile(samples, 30)).toBe(20);
    expect(percentile(samples, 40)).toBe(20);
    expect(percentile(samples, 50)).toBe(35);
    expect(percentile(samples, 100)).toBe(50);
  });

  it("does not depend on input order and does not sort the caller's array", () => {
    const shuffled = [50, 15, 40, 20, 35];
    expect(percentile(shuffled, 95)).toBe(50);
    expect(shuffled).toEqual([50, 15, 40, 20, 35]);
  });

  it("gives p95 of 1..100 as 95 and NaN for no samples", () => {
    expect(
      percentile(
        Array.from({ length: 100 }, (_, i) => i + 1),
        95,
      ),
    ).toBe(95);
    expect(percentile([], 95)).toBeNaN();
  });
});

describe("ratio", () => {
  it("divides by the baseline and refuses a missing or zero baseline", () => {
    expect(ratio(900, 1000)).toBeCloseTo(0.9);
    expect(ratio(10, 0)).toBeNull();
    expect(ratio(10, undefined)).toBeNull();
    expect(ratio(Number.NaN, 10)).toBeNull();
    expect(formatRatio(ratio(450, 1000))).toBe("0.45×");
    expect(formatRatio(null)).toBe("—");
  });
});

describe("renderTable", () => {
  it("pads the first column left-aligned and the rest right-aligned", () => {
    expect(
      renderTable(
        ["route", "req/s"],
        [
          ["article", "1200"],
          ["feed", "80"],
        ],
      ).split("\n"),
    ).toEqual(["route    req/s", "-------  -----", "article   1200", "feed        80"]);
  });
});

describe("withoutDistDirIncludes", () => {
  it("ignores only the includes next build adds for the bench's dist dir", () => {
    const before = JSON.stringify({ include: ["**/*.ts", ".next/types/**/*.ts"] });
    const after = JSON.stringify({
      include: ["**/*.ts", ".next/types/**/*.ts", ".next-bench/types/**/*.ts", ".next-bench/dev/types/**/*.ts"],
    });
    expect(withoutDistDirIncludes(after, ".next-bench")).toBe(JSON.stringify(JSON.parse(before)));
    expect(withoutDistDirIncludes("{ not json", ".next-bench")).toBeNull();
  });
});

describe("timeRepeatedly", () => {
  it("runs `count` times, or stops at the minimum number of samples once the time budget is spent", async () => {
    const calls: number[] = [];
    expect(await timeRepeatedly(5, async (i) => calls.push(i))).toHaveLength(5);
    expect(calls).toEqual([0, 1, 2, 3, 4]);
    expect(await timeRepeatedly(100, async () => {}, { budgetMs: 0, minSamples: 3 })).toHaveLength(3);
  });
});

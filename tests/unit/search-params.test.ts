import { describe, expect, it } from "vitest";
import { parseSearchParams, searchHref } from "@/lib/search-params";

describe("parseSearchParams", () => {
  it("reads a full, valid query string", () => {
    expect(parseSearchParams({ q: "Rome", category: "government", from: "2026-01-01", to: "2026-02-28", page: "2" })).toEqual({
      values: { q: "Rome", category: "government", from: "2026-01-01", to: "2026-02-28", page: 2 },
      errors: [],
    });
  });

  it("defaults everything that is missing and takes the first of repeated parameters", () => {
    expect(parseSearchParams({})).toEqual({ values: { q: "", category: "", from: "", to: "", page: 1 }, errors: [] });
    expect(parseSearchParams({ q: ["a", "b"] }).values.q).toBe("a");
  });

  it("explains each bad value instead of failing", () => {
    const { values, errors } = parseSearchParams({ from: "2026-02-30", to: "yesterday", page: "0", category: "../x" });
    expect(values).toMatchObject({ from: "", to: "", page: 1, category: "" });
    expect(errors).toHaveLength(4);
    expect(errors.join(" ")).toMatch(/“from” date must be a real date/);
    expect(errors.join(" ")).toMatch(/category does not exist/);
    expect(errors.join(" ")).toMatch(/page must be a whole number/);
    expect(parseSearchParams({ page: "99999999999" }).errors).toHaveLength(1);
  });

  it("notices a from date after the to date", () => {
    expect(parseSearchParams({ from: "2026-03-01", to: "2026-02-01" }).errors[0]).toMatch(/after the “to” date/);
  });
});

describe("searchHref", () => {
  it("leaves out empty fields and page 1", () => {
    expect(searchHref({ q: "Rome & Tokyo", category: "", from: "2026-01-01", page: 1 })).toBe("/search?q=Rome+%26+Tokyo&from=2026-01-01");
    expect(searchHref({ q: "x", page: 3 })).toBe("/search?q=x&page=3");
    expect(searchHref({})).toBe("/search");
  });
});

import { describe, expect, it } from "vitest";
import { messagesFor } from "@/lib/i18n";
import { queryProblemMessage, searchParamErrors } from "@/lib/i18n/search-errors";
import { parseSearchParams } from "@/lib/search-params";
import { toFtsQuery } from "@/lib/search-query";

const ja = messagesFor("ja");
const en = messagesFor("en");

const errorsFor = (raw: Record<string, string>, messages = ja) => searchParamErrors(raw, parseSearchParams(raw).values, messages);

describe("search problems in the page's language", () => {
  it("names each bad field as the parser does, once each", () => {
    const raw = { q: "都知事", from: "2026-02-30", page: "0" };
    expect(parseSearchParams(raw).errors).toHaveLength(2);
    expect(errorsFor(raw)).toEqual([ja.search.errors.from, ja.search.errors.page]);
  });

  it("says when the dates are the wrong way round", () => {
    expect(errorsFor({ from: "2026-03-01", to: "2026-02-01" })).toEqual([ja.search.errors.order]);
    expect(errorsFor({ from: "2026-03-01", to: "2026-02-01" }, en)).toEqual(
      parseSearchParams({ from: "2026-03-01", to: "2026-02-01" }).errors,
    );
  });

  it("has nothing to say about a good search", () => {
    expect(errorsFor({ q: "ローマ", category: "international-relations", from: "2026-01-01", to: "2026-02-01", page: "2" })).toEqual([]);
  });

  it("matches the parser's English wording for English pages", () => {
    for (const raw of [{ from: "x" }, { to: "x" }, { page: "x" }] as Record<string, string>[]) {
      expect(errorsFor(raw, en)).toEqual(parseSearchParams(raw).errors);
    }
    // A malformed category and an unknown one get the same advice: choose from the list.
    expect(errorsFor({ category: "Not A Slug!" }, en)).toEqual([en.search.errors.category]);
  });

  it("explains a refused query", () => {
    for (const input of ["", "AND OR", "x".repeat(201), Array.from({ length: 13 }, (_, i) => `w${i}`).join(" ")]) {
      const query = toFtsQuery(input);
      if (query.ok) throw new Error(`expected a refusal for ${input}`);
      expect(queryProblemMessage(input, query, en)).toBe(query.message);
      expect(queryProblemMessage(input, query, ja)).toMatch(/[ぁ-んァ-ン一-龯]/);
    }
  });
});

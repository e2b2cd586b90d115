import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HIT_END, HIT_START, MAX_QUERY_LENGTH, queryTerms, splitHighlights, toFtsQuery } from "@/lib/search-query";

describe("toFtsQuery", () => {
  it("quotes each word and ANDs them", () => {
    expect(toFtsQuery("Gualtieri Rome")).toEqual({ ok: true, terms: ["Gualtieri", "Rome"], match: '"Gualtieri" "Rome"' });
  });

  it("keeps a hyphenated or apostrophed word together as a phrase", () => {
    expect(toFtsQuery("Izu-Oshima Koike's").ok && toFtsQuery("Izu-Oshima Koike's")).toMatchObject({
      match: '"Izu Oshima" "Koike s"',
    });
  });

  it("turns FTS syntax into plain separators", () => {
    expect(toFtsQuery('"unbalanced')).toMatchObject({ ok: true, match: '"unbalanced"' });
    expect(toFtsQuery("title:rome")).toMatchObject({ ok: true, match: '"title rome"' });
    expect(toFtsQuery("NEAR(rome tokyo, 2)")).toMatchObject({ ok: true, match: '"NEAR rome" "tokyo" "2"' });
    expect(toFtsQuery("rome* ^tokyo -paris +osaka")).toMatchObject({ ok: true, match: '"rome" "tokyo" "paris" "osaka"' });
  });

  it("drops the bare operator words and says so when nothing is left", () => {
    expect(toFtsQuery("Rome AND Tokyo OR NOT Paris")).toMatchObject({ ok: true, terms: ["Rome", "Tokyo", "Paris"] });
    expect(toFtsQuery("rome and tokyo")).toMatchObject({ ok: true, terms: ["rome", "and", "tokyo"] });
    for (const q of ["AND OR NOT", "*", '"', "()", "^-+:"]) {
      expect(toFtsQuery(q)).toMatchObject({ ok: false, reason: "no_words" });
    }
  });

  it("refuses empty, overlong and many-word queries with a message", () => {
    expect(toFtsQuery("   ")).toMatchObject({ ok: false, reason: "empty" });
    const long = toFtsQuery("a".repeat(2_000));
    expect(long).toMatchObject({ ok: false, reason: "too_long" });
    expect(!long.ok && long.message).toContain(`${MAX_QUERY_LENGTH} characters`);
    expect(toFtsQuery("one two three four five six seven eight nine ten eleven twelve thirteen")).toMatchObject({
      ok: false,
      reason: "too_many_terms",
    });
  });

  it("keeps accented and non-Latin words, and removes duplicates", () => {
    expect(queryTerms("Communiqué 東京 communiqué")).toEqual(["Communiqué", "東京"]);
  });

  it("only ever produces quoted strings, whatever is typed", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (input) => {
        const q = toFtsQuery(input);
        if (!q.ok) return true;
        // A sequence of "…" strings separated by single spaces, with no quote inside a string.
        return /^"[^"]+"( "[^"]+")*$/.test(q.match);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("splitHighlights", () => {
  it("turns markers into hit segments and keeps everything else as text", () => {
    expect(splitHighlights(`Mayor ${HIT_START}Gualtieri${HIT_END} of <Rome>`)).toEqual([
      { text: "Mayor ", hit: false },
      { text: "Gualtieri", hit: true },
      { text: " of <Rome>", hit: false },
    ]);
    expect(splitHighlights("")).toEqual([]);
  });
});

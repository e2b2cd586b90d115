import { describe, expect, it } from "vitest";
import { indexableText, queryWords, WORD_SEPARATOR, withoutWordSeparators } from "@/lib/search-words";
import { HIT_END, HIT_START, splitHighlights, toFtsQuery } from "@/lib/search-query";

const cut = (text: string) => indexableText(text).split(WORD_SEPARATOR).filter(Boolean);

describe("Japanese words for the search index", () => {
  it("cuts a run of Japanese into words and leaves other text as it was", () => {
    expect(cut("東京都知事は")).toEqual(["東京", "都知事", "は"]);
    expect(cut("ローマ市長と東京都知事は共同声明に署名した")).toEqual([
      "ローマ",
      "市長",
      "と",
      "東京",
      "都知事",
      "は",
      "共同",
      "声明",
      "に",
      "署名",
      "した",
    ]);
    expect(indexableText("Rome and Tokyo sign a joint communiqué.")).toBe("Rome and Tokyo sign a joint communiqué.");
  });

  it("sets Japanese apart from letters of another script it touches, as the query does", () => {
    expect(cut("Tokyo都知事")).toEqual(["Tokyo", "都知事"]);
    expect(queryWords("Tokyo都知事")).toEqual(["Tokyo", "都知事"]);
  });

  it("cuts the query the way it cut the text", () => {
    expect(queryWords("東京都知事")).toEqual(["東京", "都知事"]);
    expect(queryWords("共同声明")).toEqual(["共同", "声明"]);
    expect(queryWords("Gualtieri")).toEqual(["Gualtieri"]);
    expect(toFtsQuery("東京都知事 ローマ")).toEqual({ ok: true, terms: ["東京 都知事", "ローマ"], match: '"東京 都知事" "ローマ"' });
  });

  it("refuses a query of Japanese marks that are no word, as it refuses symbols", () => {
    expect(toFtsQuery("々")).toMatchObject({ ok: false, reason: "no_words" });
    expect(toFtsQuery("々 ローマ")).toEqual({ ok: true, terms: ["ローマ"], match: '"ローマ"' });
  });

  it("takes the separators out of what readers are shown", () => {
    const marked = `ローマ${WORD_SEPARATOR}市長${WORD_SEPARATOR}と${WORD_SEPARATOR}${HIT_START}都知事${HIT_END}${WORD_SEPARATOR}は`;
    expect(splitHighlights(marked)).toEqual([
      { text: "ローマ市長と", hit: false },
      { text: "都知事", hit: true },
      { text: "は", hit: false },
    ]);
    for (const text of ["東京都知事は Tokyo", "々の人々、ー〆切", "Tokyo都知事", "第1々2号。々。"])
      expect(withoutWordSeparators(indexableText(text))).toBe(text);
  });
});

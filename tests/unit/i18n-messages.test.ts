import { describe, expect, it } from "vitest";
import { CATALOGUES, languageNameIn, languagesWithoutMessages, messagesFor, templateParts } from "@/lib/i18n";
import { localizedCategoryDescription, localizedCategoryName } from "@/lib/i18n/categories";
import { en } from "@/lib/i18n/messages/en";
import { KNOWN_LANGUAGES } from "@/lib/languages";

type Tree = { [key: string]: unknown };

/** "shell.skipLink" -> its value, for every leaf. */
function leaves(tree: Tree, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === "object") for (const [k, v] of leaves(value as Tree, path)) out.set(k, v);
    else out.set(path, value);
  }
  return out;
}

const slots = (template: string) =>
  templateParts(template)
    .flatMap((p) => ("slot" in p ? [p.slot] : []))
    .sort();

// Messages that may be empty in some language (Japanese lists end without a semicolon).
const MAY_BE_EMPTY = new Set(["search.listEnd"]);

describe("chrome catalogues", () => {
  it("has one for every language lib/languages.ts knows", () => {
    expect(languagesWithoutMessages()).toEqual([]);
    for (const l of KNOWN_LANGUAGES) expect(CATALOGUES[l.code], l.code).toBeDefined();
  });

  const model = leaves(en);
  for (const [code, catalogue] of Object.entries(CATALOGUES)) {
    it(`${code}: has every key of the English model, no more, each of the same kind and slots`, () => {
      const own = leaves(catalogue);
      expect([...own.keys()].sort()).toEqual([...model.keys()].sort());
      for (const [key, value] of model) {
        const theirs = own.get(key);
        expect(typeof theirs, key).toBe(typeof value);
        if (typeof value === "function") expect((theirs as (...a: unknown[]) => unknown).length, key).toBe(value.length);
        if (typeof value === "string") {
          if (!MAY_BE_EMPTY.has(key)) expect((theirs as string).trim(), key).not.toBe("");
          expect(slots(theirs as string), key).toEqual(slots(value));
        }
      }
    });
  }

  it("falls back to English for a language without a catalogue", () => {
    expect(messagesFor("xx")).toBe(en);
  });

  it("writes Japanese chrome as the metropolitan government's site does", () => {
    const ja = messagesFor("ja");
    expect(ja.shell.skipLink).toBe("本文へスキップ");
    expect(ja.shell.categoriesNav).toBe("カテゴリー");
    expect(ja.shell.latestNews).toBe("新着情報");
    expect(ja.shell.archive).toBe("アーカイブ");
    expect(ja.shell.search).toBe("検索");
    expect(ja.article.recommended).toBe("おすすめ情報");
    expect(ja.search.resultsHeading(3, "都知事")).toBe("「都知事」の検索結果：3件");
    expect(ja.pagination.pageOf(2, 5)).toBe("5ページ中2ページ目");
  });

  it("counts in English with singular and plural", () => {
    expect(en.archive.itemCount(1)).toBe("1 item");
    expect(en.archive.itemCount(1200)).toBe("1,200 items");
    expect(en.search.resultsHeading(1, "Rome")).toBe("1 result for “Rome”");
  });
});

describe("message templates", () => {
  it("splits text and named slots, keeping unknown braces as text", () => {
    expect(templateParts("{date}更新：{note}")).toEqual([{ slot: "date" }, { text: "更新：" }, { slot: "note" }]);
    expect(templateParts("Updated {date}: {note}")).toEqual([{ text: "Updated " }, { slot: "date" }, { text: ": " }, { slot: "note" }]);
    expect(templateParts("no slots {1} {}")).toEqual([{ text: "no slots {1} {}" }]);
  });
});

describe("language names", () => {
  it("names a language in the page's language", () => {
    expect(languageNameIn("en", "ja")).toBe("英語");
    expect(languageNameIn("ja", "en")).toBe("Japanese");
  });
});

describe("category names", () => {
  const category = { name: "Policy", description: "Policy news", translations: { ja: { name: "政策" } } };
  it("uses the translation when there is one, else the category's own name", () => {
    expect(localizedCategoryName(category, "ja")).toBe("政策");
    expect(localizedCategoryName(category, "en")).toBe("Policy");
    expect(localizedCategoryName({ name: "Policy" }, "ja")).toBe("Policy");
  });
  it("never shows the default language's description beside a translated name", () => {
    expect(localizedCategoryDescription(category, "ja")).toBe("");
    expect(localizedCategoryDescription(category, "en")).toBe("Policy news");
  });
});

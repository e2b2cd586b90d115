import { describe, expect, it } from "vitest";
import { alternateOgLocales, everyLanguageAlternates, versionAlternates } from "@/lib/i18n/alternates";
import { itemTargets, samePageTargets } from "@/lib/i18n/switcher";
import { parseSiteLanguages } from "@/lib/languages";

const languages = parseSiteLanguages("en,ja");

describe("hreflang alternates", () => {
  it("points a page every language has at itself in each, x-default at the default language", () => {
    expect(everyLanguageAlternates(languages, "/category/culture")).toEqual({
      en: "/category/culture",
      ja: "/ja/category/culture",
      "x-default": "/category/culture",
    });
    expect(everyLanguageAlternates(languages, "/")).toEqual({ en: "/", ja: "/ja", "x-default": "/" });
  });

  it("lists an item's versions both ways, x-default at the default language's version", () => {
    const en = { language: "en", path: "/news/communique" };
    const ja = { language: "ja", path: "/ja/news/communique-ja" };
    const fromJa = versionAlternates(languages, [ja, en], en);
    expect(fromJa).toEqual({ en: en.path, ja: ja.path, "x-default": en.path });
    expect(versionAlternates(languages, [en, ja], en)).toEqual(fromJa);
  });

  it("uses the source as x-default when the default language has no version", () => {
    const ja = { language: "ja", path: "/ja/news/only-ja" };
    expect(versionAlternates(languages, [ja], ja)).toEqual({ ja: ja.path, "x-default": ja.path });
  });

  it("gives the other versions' OpenGraph locales", () => {
    expect(alternateOgLocales(languages, ["ja"], "en")).toEqual(["ja_JP"]);
    expect(alternateOgLocales(languages, ["en", "ja"], "ja")).toEqual(["en_US"]);
    expect(alternateOgLocales(languages, ["xx"], "en")).toEqual([]);
  });
});

describe("language switcher targets", () => {
  it("leads to the same page in the other language", () => {
    expect(samePageTargets(languages, "en", "/archive")).toEqual([{ language: languages[1], path: "/ja/archive", sameContent: true }]);
    expect(samePageTargets(languages, "ja", "/")).toEqual([{ language: languages[0], path: "/", sameContent: true }]);
  });

  it("leads to an item's other version, or to that language's home when it has none", () => {
    expect(itemTargets(languages, "en", [{ language: "ja", path: "/ja/news/x-ja" }])).toEqual([
      { language: languages[1], path: "/ja/news/x-ja", sameContent: true },
    ]);
    expect(itemTargets(languages, "en", [])).toEqual([{ language: languages[1], path: "/ja", sameContent: false }]);
  });
});

import { describe, expect, it } from "vitest";
import { KNOWN_LANGUAGES, localizedPath, parseSiteLanguages, splitLanguagePath } from "@/lib/languages";
import { parseEnv } from "@/lib/env";

const site = parseSiteLanguages("en,ja");

describe("site languages", () => {
  it("reads the configured list, default first, and refuses a language with no entry", () => {
    expect(site.map((l) => l.code)).toEqual(["en", "ja"]);
    expect(parseSiteLanguages("ja, en").map((l) => l.code)).toEqual(["ja", "en"]);
    expect(() => parseSiteLanguages("en,ko")).toThrow(/"ko".*lib\/languages\.ts/);
    expect(() => parseSiteLanguages(" , ")).toThrow(/at least one language/);
    expect(() => parseEnv({ SITE_LANGUAGES: "en,xx" })).toThrow(/SITE_LANGUAGES: .*"xx"/);
    expect(parseEnv({}).SITE_LANGUAGES.map((l) => l.code)).toEqual(["en", "ja"]);
  });

  it("gives each known language what pages, feeds and OpenGraph need", () => {
    for (const l of KNOWN_LANGUAGES) {
      expect(l.ogLocale).toMatch(/^[a-z]{2}_[A-Z]{2}$/);
      expect(new Intl.DateTimeFormat(l.dateLocale).resolvedOptions().locale).toBe(l.dateLocale);
    }
  });

  it("prefixes addresses in every language but the default", () => {
    expect(localizedPath(site, "en", "/news/x")).toBe("/news/x");
    expect(localizedPath(site, "ja", "/news/x")).toBe("/ja/news/x");
    expect(localizedPath(site, "ja", "/")).toBe("/ja");
  });

  it("reads the language back from an address, and nothing else as a prefix", () => {
    expect(splitLanguagePath(site, "/ja/news/x")).toEqual({ language: "ja", path: "/news/x" });
    expect(splitLanguagePath(site, "/ja")).toEqual({ language: "ja", path: "/" });
    expect(splitLanguagePath(site, "/news/x")).toEqual({ language: "en", path: "/news/x" });
    // The default language has no prefix of its own; unknown or unconfigured codes are ordinary paths.
    expect(splitLanguagePath(site, "/en/news/x")).toEqual({ language: "en", path: "/en/news/x" });
    expect(splitLanguagePath(site, "/ko/news/x")).toEqual({ language: "en", path: "/ko/news/x" });
    expect(splitLanguagePath(site, "/japan")).toEqual({ language: "en", path: "/japan" });
    expect(splitLanguagePath(parseSiteLanguages("en"), "/ja/news/x")).toEqual({ language: "en", path: "/ja/news/x" });
  });
});

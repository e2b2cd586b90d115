/**
 * The languages the newsroom publishes in. Adding one (Chinese, Korean…) is data, not code:
 * an entry here and its chrome messages in lib/i18n/messages/. SITE_LANGUAGES (lib/env.ts)
 * chooses which of them a site runs; the first is the default, served without a path prefix.
 */
export type LanguageInfo = {
  /** BCP 47 tag: `<html lang>`, hreflang, feeds' <language>, JSON-LD inLanguage. */
  code: string;
  /** The language's name in itself, for the switcher: readers look for their own language's name. */
  nativeName: string;
  /** The name in English, for staff. */
  englishName: string;
  /** OpenGraph's locale form (language_TERRITORY). */
  ogLocale: string;
  /** Intl locale for dates: "February 5, 2026" / "2026年2月5日". */
  dateLocale: string;
  /** Text direction, for `dir` on the page. */
  direction: "ltr" | "rtl";
};

export const KNOWN_LANGUAGES: readonly LanguageInfo[] = [
  { code: "en", nativeName: "English", englishName: "English", ogLocale: "en_US", dateLocale: "en-US", direction: "ltr" },
  { code: "ja", nativeName: "日本語", englishName: "Japanese", ogLocale: "ja_JP", dateLocale: "ja-JP", direction: "ltr" },
];

export const DEFAULT_SITE_LANGUAGES = "en,ja";

const LANGUAGE_CODE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

export function isLanguageCode(value: string): boolean {
  return LANGUAGE_CODE.test(value);
}

/** "en,ja" -> the configured languages, default first; an unknown code is a start-up error. */
export function parseSiteLanguages(list: string): LanguageInfo[] {
  const codes = list
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean);
  if (codes.length === 0) throw new Error("SITE_LANGUAGES must name at least one language, such as en,ja");
  return codes.map((code) => {
    const info = KNOWN_LANGUAGES.find((l) => l.code === code);
    if (!info) {
      const known = KNOWN_LANGUAGES.map((l) => l.code).join(", ");
      throw new Error(`SITE_LANGUAGES names "${code}", which has no entry in lib/languages.ts (known: ${known})`);
    }
    return info;
  });
}

/** The public path of `path` (written for the default language, "/news/x") in `language`. */
export function localizedPath(languages: readonly LanguageInfo[], language: string, path: string): string {
  if (language === languages[0]?.code) return path;
  return path === "/" ? `/${language}` : `/${language}${path}`;
}

/**
 * "/ja/news/x" -> { language: "ja", path: "/news/x" }; "/news/x" -> the default language.
 * "/ja" alone is the Japanese home page. The default language has no prefix of its own:
 * "/en/…" is not one of its addresses.
 */
export function splitLanguagePath(languages: readonly LanguageInfo[], path: string): { language: string; path: string } {
  const fallback = languages[0]?.code ?? "en";
  const m = /^\/([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)(\/.*)?$/.exec(path);
  if (m && m[1] !== fallback && languages.some((l) => l.code === m[1])) return { language: m[1]!, path: m[2] || "/" };
  return { language: fallback, path };
}

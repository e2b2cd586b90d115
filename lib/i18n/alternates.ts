import { localizedPath, type LanguageInfo } from "../languages";

/** One language version of a page: its BCP 47 code and its site-relative path, prefix included. */
export type LanguageVersion = { language: string; path: string };

/** hreflang -> path, "x-default" last: what Next's `alternates.languages` takes. */
export type HreflangMap = Record<string, string>;

/**
 * A page that exists in every configured language (home, a category, the archive, search):
 * the same path in each, and x-default at the default language's (unprefixed) address.
 */
export function everyLanguageAlternates(languages: readonly LanguageInfo[], path: string): HreflangMap {
  const map: HreflangMap = {};
  for (const l of languages) map[l.code] = localizedPath(languages, l.code, path);
  if (languages[0]) map["x-default"] = localizedPath(languages, languages[0].code, path);
  return map;
}

/**
 * An item's published language versions, this one included: each its own hreflang, and
 * x-default at the default language's version or, when there is none, at the source (the
 * version the others translate).
 */
export function versionAlternates(
  languages: readonly LanguageInfo[],
  versions: readonly LanguageVersion[],
  source: LanguageVersion,
): HreflangMap {
  const order = (v: LanguageVersion) => {
    const i = languages.findIndex((l) => l.code === v.language);
    return i < 0 ? languages.length : i;
  };
  const sorted = [...versions].sort((a, b) => order(a) - order(b));
  const map: HreflangMap = {};
  for (const v of sorted) map[v.language] = v.path;
  const preferred = sorted.find((v) => v.language === languages[0]?.code) ?? source;
  map["x-default"] = preferred.path;
  return map;
}

/** OpenGraph locales of the other versions (og:locale:alternate), known languages only. */
export function alternateOgLocales(languages: readonly LanguageInfo[], codes: readonly string[], current: string): string[] {
  return codes.flatMap((code) => {
    if (code === current) return [];
    const info = languages.find((l) => l.code === code);
    return info ? [info.ogLocale] : [];
  });
}

import { localizedPath, type LanguageInfo } from "../languages";

/** Where the language switcher sends a reader who wants this page in `language`. */
export type SwitcherTarget = { language: LanguageInfo; path: string; sameContent: boolean };

/** A page that exists in every language (home, a category, the archive, search): the same page in each other one. */
export function samePageTargets(languages: readonly LanguageInfo[], current: string, path: string): SwitcherTarget[] {
  return languages
    .filter((l) => l.code !== current)
    .map((l) => ({ language: l, path: localizedPath(languages, l.code, path), sameContent: true }));
}

/**
 * An item's page: its published version in each other language, or, where it has none, that
 * language's home page (a reader who asked for Japanese gets Japanese news, not a 404).
 */
export function itemTargets(
  languages: readonly LanguageInfo[],
  current: string,
  versions: readonly { language: string; path: string }[],
): SwitcherTarget[] {
  return languages
    .filter((l) => l.code !== current)
    .map((l) => {
      const version = versions.find((v) => v.language === l.code);
      return version
        ? { language: l, path: version.path, sameContent: true }
        : { language: l, path: localizedPath(languages, l.code, "/"), sameContent: false };
    });
}

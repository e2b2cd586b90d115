import { KNOWN_LANGUAGES } from "../languages";
import { en, type Messages } from "./messages/en";
import { ja } from "./messages/ja";

export type { Messages } from "./messages/en";

/**
 * Every language's chrome, by code. Adding a language is its messages file, one line here and
 * its entry in lib/languages.ts; tests/unit/i18n-messages.test.ts checks each known language
 * has a catalogue with every key.
 */
export const CATALOGUES: Readonly<Record<string, Messages>> = { en, ja };

/** The chrome for a page in `code`; English for a code without a catalogue (never an empty page). */
export function messagesFor(code: string): Messages {
  return CATALOGUES[code] ?? en;
}

/** Codes in lib/languages.ts that have no catalogue: empty, or the test fails. */
export function languagesWithoutMessages(): string[] {
  return KNOWN_LANGUAGES.map((l) => l.code).filter((code) => !(code in CATALOGUES));
}

/** `code`'s name as written in `inLanguage`: "英語" for "en" on a Japanese page, "Japanese" on an English one. */
export function languageNameIn(code: string, inLanguage: string): string {
  try {
    return new Intl.DisplayNames([inLanguage], { type: "language" }).of(code) ?? code;
  } catch {
    return KNOWN_LANGUAGES.find((l) => l.code === code)?.englishName ?? code;
  }
}

export { localizedCategoryName, localizedCategoryDescription } from "./categories";
export { templateParts } from "./template";

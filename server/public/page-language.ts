import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import type { LanguageInfo } from "@/lib/languages";

/** Set by proxy.ts on every page request from the address's language prefix; a client's own value is replaced. */
export const LANGUAGE_HEADER = "x-koho-language";

/**
 * The language of the page being rendered: "/ja/…" addresses are Japanese, unprefixed ones the
 * default language. proxy.ts rewrites "/ja/news/x" to the one "/news/x" route and says which
 * language it was asked for in this header, so each page is written once for every language.
 */
export async function pageLanguage(): Promise<LanguageInfo> {
  const languages = env().SITE_LANGUAGES;
  const asked = (await headers()).get(LANGUAGE_HEADER);
  return languages.find((l) => l.code === asked) ?? languages[0]!;
}

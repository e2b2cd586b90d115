import type { Metadata } from "next";
import { env, siteName } from "@/lib/env";
import { feedAlternateTypes } from "@/lib/feeds/links";
import { alternateOgLocales, everyLanguageAlternates } from "@/lib/i18n/alternates";
import { localizedPath, type LanguageInfo } from "@/lib/languages";

/**
 * Metadata of a page every language has (home, a category, the archive, search): canonical
 * at this language's address, hreflang to the same page in every configured language plus
 * x-default, this language's feeds, and og:locale with the others as alternates. `path` is
 * the default language's address ("/category/culture"). Setting alternates replaces the
 * layout's, so the feed links are always given here.
 */
export function everyLanguageMetadata({
  language,
  path,
  title,
  description,
  category,
}: {
  language: LanguageInfo;
  path: string;
  title?: string;
  description?: string;
  category?: { slug: string; name: string };
}): Metadata {
  const { SITE_LANGUAGES } = env();
  const SITE_NAME = siteName(language.code).name;
  const canonical = localizedPath(SITE_LANGUAGES, language.code, path);
  return {
    ...(title ? { title } : {}),
    ...(description ? { description } : {}),
    alternates: {
      canonical,
      languages: everyLanguageAlternates(SITE_LANGUAGES, path),
      types: feedAlternateTypes(SITE_NAME, category, language.code, SITE_LANGUAGES),
    },
    openGraph: {
      type: "website",
      url: canonical,
      siteName: SITE_NAME,
      ...(title ? { title } : {}),
      ...(description ? { description } : {}),
      locale: language.ogLocale,
      alternateLocale: alternateOgLocales(
        SITE_LANGUAGES,
        SITE_LANGUAGES.map((l) => l.code),
        language.code,
      ),
    },
  };
}

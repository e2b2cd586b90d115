import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { cacheTags } from "@/lib/cache-tags";
import { env } from "@/lib/env";
import { localizedPath } from "@/lib/languages";

// What ./sitemap.ts and ./news-sitemap.ts share; reads no data.

/** The configured languages, default first, and the address of `path` in one of them. */
export function siteLanguages() {
  const languages = env().SITE_LANGUAGES;
  const codes = languages.map((l) => l.code);
  const at = (language: string, path: string) => new URL(localizedPath(languages, language, path), env().SITE_URL).href;
  return { codes, defaultCode: codes[0]!, at };
}

/** Every sitemap is kept until a publishing change or a category change. */
export function tagSitemap() {
  cacheLife("max");
  cacheTag(cacheTags.publicListings, cacheTags.categories);
}

import { env } from "@/lib/env";
import { localizedPath, type LanguageInfo } from "@/lib/languages";

export type FeedPaths = { rss: string; atom: string; json: string };

/**
 * Where the feeds live: site-wide at the root, per category under the category's page, and for
 * each language other than the default under its prefix ("/ja/feed.xml",
 * "/ja/category/culture/atom.xml"). `languages` (default first) says which language is the
 * default; it is env().SITE_LANGUAGES unless given (tests give it).
 */
export function feedPaths(categorySlug?: string, language?: string, languages?: readonly LanguageInfo[]): FeedPaths {
  const base = categorySlug ? `/category/${categorySlug}` : "";
  const at = (file: string) =>
    language ? localizedPath(languages ?? env().SITE_LANGUAGES, language, `${base}/${file}`) : `${base}/${file}`;
  return { rss: at("feed.xml"), atom: at("atom.xml"), json: at("feed.json") };
}

/**
 * The feeds' absolute addresses: what each feed names as its rel="self" and what a WebSub ping
 * names as its topic, which must be the same string for a hub to match subscribers to pings.
 */
export function absoluteFeedUrls(
  siteUrl: string,
  categorySlug?: string,
  language?: string,
  languages?: readonly LanguageInfo[],
): FeedPaths {
  const paths = feedPaths(categorySlug, language, languages);
  const url = (path: string) => new URL(path, siteUrl).href;
  return { rss: url(paths.rss), atom: url(paths.atom), json: url(paths.json) };
}

/**
 * The HTTP `Link` header of a feed response when a hub is configured (WebSub §4: discovery by
 * header works for every format, even one a client cannot parse); null without a hub.
 */
export function hubLinkHeader(hubUrl: string | undefined, selfUrl: string): string | null {
  if (!hubUrl) return null;
  return `<${hubUrl}>; rel="hub", <${selfUrl}>; rel="self"`;
}

/**
 * The language a "/<segment>/feed.xml" address is for: a configured language other than the
 * default (whose feeds are unprefixed), or null, which the route answers with 404.
 */
export function prefixedFeedLanguage(languages: readonly LanguageInfo[], segment: string): LanguageInfo | null {
  if (segment === languages[0]?.code) return null;
  return languages.find((l) => l.code === segment) ?? null;
}

type AlternateLink = { url: string; title: string };
export type FeedAlternateTypes = Record<"application/rss+xml" | "application/atom+xml" | "application/feed+json", AlternateLink[]>;

/**
 * `alternates.types` for Next metadata: the <link rel="alternate"> tags feed readers
 * discover. A category page lists its own feeds first, then the site-wide ones; a page in a
 * language other than the default points at that language's feeds.
 */
export function feedAlternateTypes(
  siteName: string,
  category?: { slug: string; name: string },
  language?: string,
  languages?: readonly LanguageInfo[],
): FeedAlternateTypes {
  const pathsFor = (slug?: string) => feedPaths(slug, language, languages);
  const site = pathsFor();
  const own = category ? pathsFor(category.slug) : null;
  const link = (paths: FeedPaths, key: keyof FeedPaths, label: string, format: string) => ({
    url: paths[key],
    title: `${label} (${format})`,
  });
  const entries = (key: keyof FeedPaths, format: string): AlternateLink[] => [
    ...(own && category ? [link(own, key, `${siteName}: ${category.name}`, format)] : []),
    link(site, key, siteName, format),
  ];
  return {
    "application/rss+xml": entries("rss", "RSS"),
    "application/atom+xml": entries("atom", "Atom"),
    "application/feed+json": entries("json", "JSON Feed"),
  };
}

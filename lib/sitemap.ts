/**
 * Sitemaps (sitemaps.org 0.9) and the Google News sitemap, as plain strings.
 * A sitemap holds at most 50,000 URLs; beyond that /sitemap.xml becomes an index
 * of /sitemaps/pages.xml and /sitemaps/articles-<n>.xml.
 */

import { xmlSafe } from "./xml-text";

export const SITEMAP_MAX_URLS = 50_000;

/** One language version of a page, for `<xhtml:link rel="alternate" hreflang=…>` (hreflang "x-default" for the fallback). */
export type SitemapAlternate = { hreflang: string; href: string };
export type SitemapUrl = { loc: string; lastmod?: string; alternates?: SitemapAlternate[] };
/** `publication` overrides the sitemap's own for an item in another language (Google wants one name per language). */
export type NewsSitemapItem = { loc: string; title: string; publishedAt: string; publication?: NewsPublication };
export type NewsPublication = { name: string; language: string };

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
/** Google's hreflang-in-sitemaps markup: XHTML's own <link> element, in the XHTML namespace. */
const XHTML_NS = "http://www.w3.org/1999/xhtml";
const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** Every text that enters a sitemap goes through here: characters XML forbids are dropped, markup is escaped. */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

const alternate = (a: SitemapAlternate) =>
  `    <xhtml:link rel="alternate" hreflang="${escapeXml(a.hreflang)}" href="${escapeXml(a.href)}"/>\n`;

const entry = (tag: "url" | "sitemap", u: SitemapUrl) =>
  `  <${tag}>\n    <loc>${escapeXml(u.loc)}</loc>\n${u.lastmod ? `    <lastmod>${escapeXml(u.lastmod)}</lastmod>\n` : ""}` +
  `${u.alternates?.map(alternate).join("") ?? ""}  </${tag}>`;

export function renderUrlset(urls: SitemapUrl[]): string {
  return [
    DECLARATION,
    `<urlset xmlns="${SITEMAP_NS}" xmlns:xhtml="${XHTML_NS}">`,
    ...urls.map((u) => entry("url", u)),
    "</urlset>",
    "",
  ].join("\n");
}

/**
 * The hreflang alternates of a page published in several languages: one per version, in the
 * site's language order, then x-default (`xDefault`: the default language's version, else the
 * source's). A page in one language only gets none: there is nothing to choose between.
 */
export function hreflangAlternates(
  versions: { language: string; loc: string }[],
  { order, xDefault }: { order: readonly string[]; xDefault: string },
): SitemapAlternate[] | undefined {
  if (versions.length < 2) return undefined;
  const rank = (language: string) => (order.includes(language) ? order.indexOf(language) : order.length);
  const sorted = [...versions].sort((a, b) => rank(a.language) - rank(b.language) || a.language.localeCompare(b.language));
  return [...sorted.map((v) => ({ hreflang: v.language, href: v.loc })), { hreflang: "x-default", href: xDefault }];
}

export function renderSitemapIndex(sitemaps: SitemapUrl[]): string {
  return [DECLARATION, `<sitemapindex xmlns="${SITEMAP_NS}">`, ...sitemaps.map((s) => entry("sitemap", s)), "</sitemapindex>", ""].join(
    "\n",
  );
}

export function renderNewsSitemap(items: NewsSitemapItem[], publication: NewsPublication): string {
  const urls = items.map((i) => {
    const p = i.publication ?? publication;
    return (
      `  <url>\n    <loc>${escapeXml(i.loc)}</loc>\n    <news:news>\n      <news:publication>\n` +
      `        <news:name>${escapeXml(p.name)}</news:name>\n` +
      `        <news:language>${escapeXml(p.language)}</news:language>\n      </news:publication>\n` +
      `      <news:publication_date>${escapeXml(i.publishedAt)}</news:publication_date>\n` +
      `      <news:title>${escapeXml(i.title)}</news:title>\n    </news:news>\n  </url>`
    );
  });
  return [DECLARATION, `<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">`, ...urls, "</urlset>", ""].join("\n");
}

export type SitemapPlan = { kind: "single" } | { kind: "index"; articleFiles: number };

/** One file while everything fits; otherwise an index of the pages file and N article files. */
export function planSitemap({
  pageUrls,
  articleUrls,
  maxUrls = SITEMAP_MAX_URLS,
}: {
  pageUrls: number;
  articleUrls: number;
  maxUrls?: number;
}): SitemapPlan {
  if (pageUrls + articleUrls <= maxUrls) return { kind: "single" };
  return { kind: "index", articleFiles: Math.max(1, Math.ceil(articleUrls / maxUrls)) };
}

/** The files of a split sitemap, by name: "pages" or "articles-<n>" (n from 1, no leading zero). */
export type SitemapFile = { kind: "pages" } | { kind: "articles"; number: number };

export function parseSitemapFileName(name: string): SitemapFile | null {
  if (name === "pages.xml") return { kind: "pages" };
  const m = /^articles-([1-9]\d{0,5})\.xml$/.exec(name);
  return m ? { kind: "articles", number: Number(m[1]) } : null;
}

export const sitemapFilePath = (file: SitemapFile) =>
  file.kind === "pages" ? "/sitemaps/pages.xml" : `/sitemaps/articles-${file.number}.xml`;

/** The latest of some W3C datetimes that share one offset (ours are all +09:00), or undefined. */
export function latest(dates: (string | undefined)[]): string | undefined {
  return dates.reduce<string | undefined>((max, d) => (d && (!max || d > max) ? d : max), undefined);
}

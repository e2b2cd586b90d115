import "server-only";
import { desc, isNotNull } from "drizzle-orm";
import { cacheLife, cacheTag } from "next/cache";
import { articleEditions, articles } from "@/db/schema";
import { archiveMonthPath } from "@/lib/archive";
import { cacheTags } from "@/lib/cache-tags";
import { makeCachedDocument, type CachedDocument } from "@/lib/conditional-get";
import { toTokyoIsoString } from "@/lib/dates";
import { env } from "@/lib/env";
import {
  latest,
  parseSitemapFileName,
  planSitemap,
  renderNewsSitemap,
  renderSitemapIndex,
  renderUrlset,
  sitemapFilePath,
  SITEMAP_MAX_URLS,
  type NewsSitemapItem,
  type SitemapUrl,
} from "@/lib/sitemap";
import { getDatabase } from "../db";
import { listArchiveMonths } from "./archive";
import { listCategories } from "./news";
import { publicRead } from "../public-read";
import { selectPublishedArticles } from "@/db/published-articles";
import {
  countSitemapArticles,
  selectArticleFileLastChanges,
  selectCategoryLastChanges,
  selectSitemapArticles,
  sitemapDate,
} from "./sitemap-queries";

const w3c = sitemapDate;
const absolute = (path: string) => new URL(path, env().SITE_URL).href;

/** Home, category pages, the archive index and each archive month, with their lastmod. */
async function pageUrls(): Promise<SitemapUrl[]> {
  const db = await getDatabase();
  const [categoryList, months, perCategory] = await Promise.all([listCategories(), listArchiveMonths(), selectCategoryLastChanges(db)]);
  const byCategory = new Map(perCategory.map((r) => [r.categoryId, w3c(r.lastChange)]));
  const newest = latest(months.map((m) => m.lastModified));
  return [
    { loc: absolute("/"), lastmod: newest },
    ...categoryList.map((c) => ({ loc: absolute(`/category/${c.slug}`), lastmod: byCategory.get(c.id) })),
    { loc: absolute("/archive"), lastmod: newest },
    ...months.map((m) => ({ loc: absolute(archiveMonthPath(m)), lastmod: m.lastModified })),
  ];
}

/** Articles in id order, so adding items only ever changes the last file of a split sitemap. */
async function articleUrls({ offset, limit }: { offset: number; limit: number }): Promise<SitemapUrl[]> {
  const db = await getDatabase();
  const rows = await selectSitemapArticles(db, { offset, limit });
  return rows.map((r) => ({ loc: absolute(`/news/${r.slug}`), lastmod: w3c(r.lastChange) }));
}

async function countPublicArticles(): Promise<number> {
  return countSitemapArticles(await getDatabase());
}

/** The newest lastmod of each article file of a split sitemap. */
async function articleFileLastmods(maxUrls: number): Promise<(string | undefined)[]> {
  const db = await getDatabase();
  const rows = await selectArticleFileLastChanges(db, maxUrls);
  return rows.map((r) => w3c(r.lastChange));
}

function tagSitemap() {
  cacheLife("max");
  cacheTag(cacheTags.publicListings, cacheTags.categories);
}

/**
 * /sitemap.xml: every public page in one file, or, past `maxUrls` URLs, an index of
 * /sitemaps/pages.xml and /sitemaps/articles-<n>.xml. `maxUrls` is only lowered by tests.
 */
async function getSitemapCached({ maxUrls = SITEMAP_MAX_URLS }: { maxUrls?: number } = {}): Promise<CachedDocument> {
  "use cache";
  tagSitemap();
  const [pages, total] = await Promise.all([pageUrls(), countPublicArticles()]);
  const plan = planSitemap({ pageUrls: pages.length, articleUrls: total, maxUrls });
  if (plan.kind === "single") {
    const body = renderUrlset([...pages, ...(await articleUrls({ offset: 0, limit: total }))]);
    return makeCachedDocument(body, Date.now());
  }
  const lastmods = await articleFileLastmods(maxUrls);
  const files: SitemapUrl[] = [
    { loc: absolute(sitemapFilePath({ kind: "pages" })), lastmod: latest(pages.map((p) => p.lastmod)) },
    ...Array.from({ length: plan.articleFiles }, (_, i) => ({
      loc: absolute(sitemapFilePath({ kind: "articles", number: i + 1 })),
      lastmod: lastmods[i],
    })),
  ];
  return makeCachedDocument(renderSitemapIndex(files), Date.now());
}

async function cachedSitemapFile(name: string, maxUrls: number): Promise<CachedDocument | null> {
  "use cache";
  tagSitemap();
  const file = parseSitemapFileName(name)!;
  if (file.kind === "pages") return makeCachedDocument(renderUrlset(await pageUrls()), Date.now());
  const urls = await articleUrls({ offset: (file.number - 1) * maxUrls, limit: maxUrls });
  if (urls.length === 0) return null;
  return makeCachedDocument(renderUrlset(urls), Date.now());
}

/** One file of a split sitemap by its name ("pages.xml", "articles-3.xml"), or null. */
async function findSitemapFile({ name, maxUrls = SITEMAP_MAX_URLS }: { name: string; maxUrls?: number }) {
  // Names are checked before the cached call, so junk URLs never create cache entries.
  if (!parseSitemapFileName(name)) return null;
  return cachedSitemapFile(name, maxUrls);
}

/** Google News sitemaps list at most 1,000 items; only the last two days' are wanted anyway. */
const NEWS_CANDIDATES = 1_000;
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

async function recentlyPublished(): Promise<{ items: (NewsSitemapItem & { at: number })[]; generatedAt: number }> {
  "use cache";
  tagSitemap();
  const db = await getDatabase();
  const rows = await selectPublishedArticles(
    db,
    { slug: articles.slug, title: articleEditions.title, firstPublishedAt: articles.firstPublishedAt },
    { where: isNotNull(articles.firstPublishedAt) },
  )
    .orderBy(desc(articles.firstPublishedAt), desc(articles.id))
    .limit(NEWS_CANDIDATES);
  return {
    generatedAt: Date.now(),
    items: rows.map((r) => ({
      loc: absolute(`/news/${r.slug}`),
      title: r.title,
      publishedAt: toTokyoIsoString(r.firstPublishedAt!),
      at: r.firstPublishedAt!.getTime(),
    })),
  };
}

/**
 * /news-sitemap.xml: items first published in the two days before `now`. The candidates
 * come from the cache; the window is applied per request, so an item drops out on time
 * even when nothing new is published.
 */
async function buildNewsSitemap({ now }: { now: number }): Promise<CachedDocument> {
  const { items, generatedAt } = await recentlyPublished();
  const since = now - NEWS_WINDOW_MS;
  const fresh = items.filter((i) => i.at >= since && i.at <= now);
  // The document changes when the cache is regenerated or when an item ages out.
  const lastAgedOut = items.reduce((max, i) => (i.at < since ? Math.max(max, i.at + NEWS_WINDOW_MS) : max), 0);
  const body = renderNewsSitemap(fresh, { name: env().SITE_NAME, language: "en" });
  return makeCachedDocument(body, Math.max(generatedAt, lastAgedOut));
}

/** robots.txt: crawlers may read the public site; the studio and the API are not for them. */
function robotsForSite(siteUrl: string) {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/studio", "/api"] },
    sitemap: [new URL("/sitemap.xml", siteUrl).href, new URL("/news-sitemap.xml", siteUrl).href],
  };
}

export const getSitemap = publicRead("sitemaps are for crawlers", getSitemapCached);
export const getSitemapFile = publicRead("sitemaps are for crawlers", findSitemapFile);
export const getNewsSitemap = publicRead("the news sitemap is for crawlers", buildNewsSitemap);
export const robotsFor = publicRead("robots.txt is for crawlers", robotsForSite);

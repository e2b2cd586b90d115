import "server-only";
import { and, desc, inArray, isNotNull } from "drizzle-orm";
import { articleEditions, articles } from "@/db/schema";
import { selectPublishedArticles } from "@/db/published-articles";
import { makeCachedDocument, type CachedDocument } from "@/lib/conditional-get";
import { toTokyoIsoString } from "@/lib/dates";
import { siteName } from "@/lib/env";
import { renderNewsSitemap, type NewsPublication, type NewsSitemapItem } from "@/lib/sitemap";
import { getDatabase } from "../db";
import { publicRead } from "../public-read";
import { siteLanguages, tagSitemap } from "./sitemap-shared";

/** Google News sitemaps list at most 1,000 items; only the last two days' are wanted anyway. */
const NEWS_CANDIDATES = 1_000;
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

/**
 * Google News names a publication by name and language: an item's <news:language> is its own
 * language, and its name is the site's name in that language (SITE_NAMES, else SITE_NAME).
 */
const newsPublication = (language: string): NewsPublication => ({ name: siteName(language).name, language });

async function recentlyPublished(): Promise<{ items: (NewsSitemapItem & { at: number })[]; generatedAt: number }> {
  "use cache";
  tagSitemap();
  const db = await getDatabase();
  const { codes, at } = siteLanguages();
  const rows = await selectPublishedArticles(
    db,
    { slug: articles.slug, language: articles.language, title: articleEditions.title, firstPublishedAt: articles.firstPublishedAt },
    { where: and(inArray(articles.language, codes), isNotNull(articles.firstPublishedAt)) },
  )
    .orderBy(desc(articles.firstPublishedAt), desc(articles.id))
    .limit(NEWS_CANDIDATES);
  return {
    generatedAt: Date.now(),
    items: rows.map((r) => ({
      loc: at(r.language, `/news/${r.slug}`),
      title: r.title,
      publishedAt: toTokyoIsoString(r.firstPublishedAt!),
      publication: newsPublication(r.language),
      at: r.firstPublishedAt!.getTime(),
    })),
  };
}

/**
 * /news-sitemap.xml: items first published in the two days before `now`, in every language.
 * The candidates come from the cache; the window is applied per request, so an item drops out
 * on time even when nothing new is published.
 */
async function buildNewsSitemap({ now }: { now: number }): Promise<CachedDocument> {
  const { items, generatedAt } = await recentlyPublished();
  const since = now - NEWS_WINDOW_MS;
  const fresh = items.filter((i) => i.at >= since && i.at <= now);
  // The document changes when the cache is regenerated or when an item ages out.
  const lastAgedOut = items.reduce((max, i) => (i.at < since ? Math.max(max, i.at + NEWS_WINDOW_MS) : max), 0);
  const body = renderNewsSitemap(fresh, newsPublication(siteLanguages().defaultCode));
  return makeCachedDocument(body, Math.max(generatedAt, lastAgedOut));
}

export const getNewsSitemap = publicRead("the news sitemap is for crawlers", buildNewsSitemap);

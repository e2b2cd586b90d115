import "server-only";
import { desc, eq } from "drizzle-orm";
import { cacheLife, cacheTag } from "next/cache";
import { articleEditions, articles, categories } from "@/db/schema";
import { cacheTags } from "@/lib/cache-tags";
import { makeCachedDocument, type CachedDocument } from "@/lib/conditional-get";
import { renderArticleHtml } from "@/lib/content/render-html";
import { env } from "@/lib/env";
import { buildFeed, type FeedEntry, type FeedFormat } from "@/lib/feeds/build-feed";
import { feedPaths } from "@/lib/feeds/links";
import { isValidSlug } from "@/lib/slug";
import { getDatabase } from "../db";
import { listPublicHeroImages } from "./hero";
import { getCategoryBySlug } from "./news";
import { publicRead } from "../public-read";
import { selectPublishedArticles } from "@/db/published-articles";

/** How many of the latest items a feed carries. */
export const FEED_ITEM_LIMIT = 50;

type StoredEntry = Omit<FeedEntry, "publishedAt" | "updatedAt"> & { slug: string; publishedAt: number; updatedAt: number };

/**
 * The latest items with their rendered HTML, cached on their own so the three formats
 * of a feed share one query and one rendering pass. Dates travel as epoch milliseconds.
 */
async function latestPublishedEntries(categoryId: number | null): Promise<StoredEntry[]> {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.publicListings, cacheTags.categories);
  const { SITE_URL } = env();
  const db = await getDatabase();
  const where = categoryId === null ? undefined : eq(articles.categoryId, categoryId);
  const rows = await selectPublishedArticles(
    db,
    {
      id: articles.id,
      slug: articles.slug,
      guid: articles.guid,
      firstPublishedAt: articles.firstPublishedAt,
      publicUpdatedAt: articles.publicUpdatedAt,
      title: articleEditions.title,
      summary: articleEditions.summary,
      body: articleEditions.body,
      categorySlug: categories.slug,
      categoryName: categories.name,
    },
    { where },
  )
    .orderBy(desc(articles.firstPublishedAt), desc(articles.id))
    .limit(FEED_ITEM_LIMIT);
  const heroes = await listPublicHeroImages({ articleIds: rows.map((r) => r.id) });
  const entries = rows
    .filter((r) => r.firstPublishedAt !== null)
    .map((r) => ({
      slug: r.slug,
      guid: r.guid,
      title: r.title,
      url: new URL(`/news/${r.slug}`, SITE_URL).href,
      summary: r.summary,
      contentHtml: renderArticleHtml(r.body),
      category: { slug: r.categorySlug, name: r.categoryName, url: new URL(`/category/${r.categorySlug}`, SITE_URL).href },
      publishedAt: r.firstPublishedAt!.getTime(),
      updatedAt: (r.publicUpdatedAt ?? r.firstPublishedAt!).getTime(),
      ...(heroes[r.id]
        ? {
            image: {
              url: new URL(heroes[r.id]!.largest.url, SITE_URL).href,
              type: heroes[r.id]!.largest.type,
              length: heroes[r.id]!.largest.bytes,
            },
          }
        : {}),
    }));
  // Feeds carry the full text: a correction to any listed item must reach subscribers.
  cacheTag(...entries.map((e) => cacheTags.article(e.slug)));
  return entries;
}

/**
 * The whole feed document, generated once and kept until a publishing change
 * invalidates the listings (or the category list, or one of its items — the inner
 * cache's tags carry over): requests in between do no database work.
 */
async function cachedFeed(format: FeedFormat, category: { id: number; slug: string; name: string; description: string } | null) {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.publicListings, cacheTags.categories);
  const { SITE_URL, SITE_NAME, PRESS_OFFICE_NAME } = env();
  const entries: FeedEntry[] = (await latestPublishedEntries(category?.id ?? null)).map((e) => ({
    ...e,
    publishedAt: new Date(e.publishedAt),
    updatedAt: new Date(e.updatedAt),
  }));
  const absolute = (path: string) => new URL(path, SITE_URL).href;
  const paths = feedPaths(category?.slug);
  const newest = entries.reduce<Date | null>((max, e) => (max === null || e.updatedAt > max ? e.updatedAt : max), null);
  const generatedAt = Date.now();
  const body = buildFeed(
    format,
    {
      title: category ? `${SITE_NAME}: ${category.name}` : SITE_NAME,
      description: category?.description || `News from the ${PRESS_OFFICE_NAME}.`,
      homeUrl: absolute(category ? `/category/${category.slug}` : "/"),
      feedUrls: { rss: absolute(paths.rss), atom: absolute(paths.atom), json: absolute(paths.json) },
      author: { name: PRESS_OFFICE_NAME, url: absolute("/") },
      language: "en",
      updated: newest ?? new Date(generatedAt),
    },
    entries,
  );
  // Last-Modified is when this body was generated: it only changes after an invalidation,
  // and unlike the items' own dates it also moves when an item is withdrawn.
  return makeCachedDocument(body, generatedAt);
}

/** The site-wide feed: the latest published items of every category. */
async function buildSiteFeed({ format }: { format: FeedFormat }): Promise<CachedDocument> {
  return cachedFeed(format, null);
}

/** A category's feed, or null for a category that does not exist (the route answers 404). */
async function buildCategoryFeed({ slug, format }: { slug: string; format: FeedFormat }): Promise<CachedDocument | null> {
  // Checked before the cached call, so unknown slugs never create cache entries.
  if (!isValidSlug(slug)) return null;
  const category = await getCategoryBySlug({ slug });
  if (!category) return null;
  return cachedFeed(format, category);
}

export const getSiteFeed = publicRead("feeds are for anyone to subscribe to", buildSiteFeed);
export const getCategoryFeed = publicRead("category feeds are for anyone to subscribe to", buildCategoryFeed);

import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { cacheLife, cacheTag } from "next/cache";
import { articleEditions, articles, categories } from "@/db/schema";
import { cacheTags } from "@/lib/cache-tags";
import { makeCachedDocument, type CachedDocument } from "@/lib/conditional-get";
import { renderArticleHtml } from "@/lib/content/render-html";
import { env, siteName } from "@/lib/env";
import { buildFeed, type FeedEntry, type FeedFormat } from "@/lib/feeds/build-feed";
import { siteFeedDescription } from "@/lib/feeds/labels";
import { absoluteFeedUrls } from "@/lib/feeds/links";
import { localizedCategoryDescription, localizedCategoryName } from "@/lib/i18n";
import { localizedPath, type LanguageInfo } from "@/lib/languages";
import { isValidSlug } from "@/lib/slug";
import { getDatabase } from "../db";
import { listPublicHeroImages } from "./hero";
import { getCategoryBySlug } from "./news";
import { publicRead } from "../public-read";
import { selectPublishedArticles } from "@/db/published-articles";

/** How many of the latest items a feed carries. */
export const FEED_ITEM_LIMIT = 50;

type StoredEntry = Omit<FeedEntry, "publishedAt" | "updatedAt"> & { slug: string; publishedAt: number; updatedAt: number };

/** A configured language by code (the default when none is given); any other code is a caller's bug. */
function feedLanguage(code: string | undefined): { info: LanguageInfo; languages: readonly LanguageInfo[] } {
  const languages = env().SITE_LANGUAGES;
  const info = code === undefined ? languages[0] : languages.find((l) => l.code === code);
  if (!info) throw new Error(`feeds: "${code}" is not one of SITE_LANGUAGES`);
  return { info, languages };
}

/**
 * The latest items of one language with their rendered HTML, cached on their own so the three
 * formats of a feed share one query and one rendering pass. Dates travel as epoch milliseconds.
 * `language = ?` comes first in the filter as it does in articles_public_idx and
 * articles_category_public_idx, which the listing reads walk newest first.
 */
async function latestPublishedEntries(categoryId: number | null, language: string): Promise<StoredEntry[]> {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.publicListings, cacheTags.categories);
  const { SITE_URL } = env();
  const { languages } = feedLanguage(language);
  const path = (p: string) => new URL(localizedPath(languages, language, p), SITE_URL).href;
  const db = await getDatabase();
  const where = and(eq(articles.language, language), categoryId === null ? undefined : eq(articles.categoryId, categoryId));
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
      categoryTranslations: categories.translations,
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
      url: path(`/news/${r.slug}`),
      summary: r.summary,
      contentHtml: renderArticleHtml(r.body),
      category: {
        slug: r.categorySlug,
        name: localizedCategoryName({ name: r.categoryName, translations: r.categoryTranslations }, language),
        url: path(`/category/${r.categorySlug}`),
      },
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

type FeedCategory = { id: number; slug: string; name: string; description: string };

/** The category's name and description in `language` (categories.translations), for the channel's title and description. */
async function categoryChannelWords(category: FeedCategory, language: string) {
  const db = await getDatabase();
  const [row] = await db.select({ translations: categories.translations }).from(categories).where(eq(categories.id, category.id));
  const translated = { ...category, translations: row?.translations };
  return { name: localizedCategoryName(translated, language), description: localizedCategoryDescription(translated, language) };
}

/**
 * The whole feed document of one language, generated once and kept until a publishing change
 * invalidates the listings (or the category list, or one of its items — the inner cache's tags
 * carry over): requests in between do no database work. The hub (WEBSUB_HUB_URL) is an argument,
 * so it is part of the cache key: a shared or restarted cache never serves a document that
 * advertises another configuration's hub.
 */
async function cachedFeed(format: FeedFormat, category: FeedCategory | null, language: string, hubUrl: string | null) {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.publicListings, cacheTags.categories);
  const { SITE_URL, PRESS_OFFICE_NAME } = env();
  const SITE_NAME = siteName(language).name;
  const { languages } = feedLanguage(language);
  const entries: FeedEntry[] = (await latestPublishedEntries(category?.id ?? null, language)).map((e) => ({
    ...e,
    publishedAt: new Date(e.publishedAt),
    updatedAt: new Date(e.updatedAt),
  }));
  const url = (path: string) => new URL(path, SITE_URL).href;
  const absolute = (path: string) => url(localizedPath(languages, language, path));
  const words = category ? await categoryChannelWords(category, language) : null;
  const newest = entries.reduce<Date | null>((max, e) => (max === null || e.updatedAt > max ? e.updatedAt : max), null);
  const generatedAt = Date.now();
  const body = buildFeed(
    format,
    {
      title: words ? `${SITE_NAME}: ${words.name}` : SITE_NAME,
      description: words?.description || siteFeedDescription(language, PRESS_OFFICE_NAME),
      homeUrl: absolute(category ? `/category/${category.slug}` : "/"),
      feedUrls: absoluteFeedUrls(SITE_URL, category?.slug, language, languages),
      author: { name: PRESS_OFFICE_NAME, url: absolute("/") },
      language,
      updated: newest ?? new Date(generatedAt),
      ...(hubUrl ? { hubUrl } : {}),
    },
    entries,
  );
  // Last-Modified is when this body was generated: it only changes after an invalidation,
  // and unlike the items' own dates it also moves when an item is withdrawn.
  return makeCachedDocument(body, generatedAt);
}

/** The site-wide feed of one language (the default when none is given): its latest published items of every category. */
async function buildSiteFeed({ format, language }: { format: FeedFormat; language?: string }): Promise<CachedDocument> {
  return cachedFeed(format, null, feedLanguage(language).info.code, env().WEBSUB_HUB_URL ?? null);
}

/** A category's feed in one language, or null for a category that does not exist (the route answers 404). */
async function buildCategoryFeed({
  slug,
  format,
  language,
}: {
  slug: string;
  format: FeedFormat;
  language?: string;
}): Promise<CachedDocument | null> {
  const code = feedLanguage(language).info.code;
  // Checked before the cached call, so unknown slugs never create cache entries.
  if (!isValidSlug(slug)) return null;
  const category = await getCategoryBySlug({ slug });
  if (!category) return null;
  const { id, name, description } = category;
  return cachedFeed(format, { id, slug: category.slug, name, description }, code, env().WEBSUB_HUB_URL ?? null);
}

export const getSiteFeed = publicRead("feeds are for anyone to subscribe to", buildSiteFeed);
export const getCategoryFeed = publicRead("category feeds are for anyone to subscribe to", buildCategoryFeed);

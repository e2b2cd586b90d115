import "server-only";
import { and, eq, type SQL } from "drizzle-orm";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { cacheLife, cacheTag } from "next/cache";
import { articles, categories } from "@/db/schema";
import { cacheTags } from "@/lib/cache-tags";
import { defaultLanguage } from "@/lib/env";
import { publicRead } from "../public-read";
import { getDatabase } from "../db";
import type { PublicCategory } from "./dto";
import { selectPageOfPublished } from "./listing-queries";

/**
 * Public reads for listings. Readers are anonymous, so these need no session:
 * they return only published items, as DTOs, and are cached until a publishing
 * change invalidates their tags.
 */

const pageOfPublished = async (where: SQL | undefined, page: number) => selectPageOfPublished(await getDatabase(), where, page);

async function listPublishedArticlesCached({ page, language = defaultLanguage().code }: { page: number; language?: string }) {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.publicListings);
  return pageOfPublished(eq(articles.language, language), page);
}

async function listPublishedArticlesByCategoryCached({
  categoryId,
  page,
  language = defaultLanguage().code,
}: {
  categoryId: number;
  page: number;
  language?: string;
}) {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.publicListings);
  return pageOfPublished(and(eq(articles.categoryId, categoryId), eq(articles.language, language)), page);
}

/**
 * Every category, named in `language` where categories.translations has that language
 * (the site's default language reads the row's own name and description).
 */
async function listCategoriesCached({ language }: { language?: string } = {}): Promise<(PublicCategory & { id: number })[]> {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.categories);
  // A build reads no database. The one page still prerendered, the global 404 for addresses
  // matching no route (app/not-found.tsx), is built without the category links; every page of
  // the site, its own 404s included, renders per request and lists them.
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return [];
  const db = await getDatabase();
  const rows = await db
    .select({
      id: categories.id,
      slug: categories.slug,
      name: categories.name,
      description: categories.description,
      translations: categories.translations,
    })
    .from(categories)
    .orderBy(categories.position, categories.name);
  return rows.map(({ translations, ...c }) => {
    const own = language ? translations[language] : undefined;
    return own ? { ...c, name: own.name, description: own.description ?? c.description } : c;
  });
}

async function findCategoryBySlug({ slug, language }: { slug: string; language?: string }) {
  const all = await listCategories({ language });
  return all.find((c) => c.slug === slug) ?? null;
}

export const listPublishedArticles = publicRead("the home page lists published items", listPublishedArticlesCached);
export const listPublishedArticlesByCategory = publicRead("category pages list published items", listPublishedArticlesByCategoryCached);
export const listCategories = publicRead("every public page shows the categories", listCategoriesCached);
export const getCategoryBySlug = publicRead("categories are public", findCategoryBySlug);

import "server-only";
import { eq, type SQL } from "drizzle-orm";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { cacheLife, cacheTag } from "next/cache";
import { articles, categories } from "@/db/schema";
import { cacheTags } from "@/lib/cache-tags";
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

async function listPublishedArticlesCached({ page }: { page: number }) {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.publicListings);
  return pageOfPublished(undefined, page);
}

async function listPublishedArticlesByCategoryCached({ categoryId, page }: { categoryId: number; page: number }) {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.publicListings);
  return pageOfPublished(eq(articles.categoryId, categoryId), page);
}

async function listCategoriesCached(): Promise<(PublicCategory & { id: number })[]> {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.categories);
  // A build reads no database. The one page still prerendered, the global 404 for addresses
  // matching no route (app/not-found.tsx), is built without the category links; every page of
  // the site, its own 404s included, renders per request and lists them.
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return [];
  const db = await getDatabase();
  return db
    .select({ id: categories.id, slug: categories.slug, name: categories.name, description: categories.description })
    .from(categories)
    .orderBy(categories.position, categories.name);
}

async function findCategoryBySlug({ slug }: { slug: string }) {
  const all = await listCategories();
  return all.find((c) => c.slug === slug) ?? null;
}

export const listPublishedArticles = publicRead("the home page lists published items", listPublishedArticlesCached);
export const listPublishedArticlesByCategory = publicRead("category pages list published items", listPublishedArticlesByCategoryCached);
export const listCategories = publicRead("every public page shows the categories", listCategoriesCached);
export const getCategoryBySlug = publicRead("categories are public", findCategoryBySlug);

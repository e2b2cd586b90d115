import "server-only";
import { and, count, desc, eq, type SQL } from "drizzle-orm";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { cacheLife, cacheTag } from "next/cache";
import { articleEditions, articles, categories } from "@/db/schema";
import { cacheTags } from "@/lib/cache-tags";
import { PAGE_SIZE, pageCount } from "@/lib/pagination";
import { getDatabase } from "./db";
import type { Page, PublicArticleSummary, PublicCategory } from "./public-dto";

/**
 * Public reads for listings. Readers are anonymous, so these need no session:
 * they return only published items, as DTOs, and are cached until a publishing
 * change invalidates their tags.
 */

export const summaryColumns = {
  slug: articles.slug,
  title: articleEditions.title,
  summary: articleEditions.summary,
  datelineDate: articleEditions.datelineDate,
  categorySlug: categories.slug,
  categoryName: categories.name,
};

type SummaryRow = { [K in keyof typeof summaryColumns]: string };

export function toSummary(row: SummaryRow): PublicArticleSummary {
  const { categorySlug, categoryName, ...rest } = row;
  return { ...rest, category: { slug: categorySlug, name: categoryName } };
}

async function pageOfPublished(where: SQL, page: number): Promise<Page<PublicArticleSummary>> {
  const db = await getDatabase();
  const [totalRow] = await db.select({ n: count() }).from(articles).where(where);
  const total = totalRow?.n ?? 0;
  const rows = await db
    .select(summaryColumns)
    .from(articles)
    .innerJoin(articleEditions, eq(articleEditions.id, articles.publishedEditionId))
    .innerJoin(categories, eq(categories.id, articles.categoryId))
    .where(where)
    .orderBy(desc(articles.firstPublishedAt), desc(articles.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
  return { items: rows.map(toSummary), page, total, totalPages: pageCount(total) };
}

export async function listPublishedArticles({ page }: { page: number }) {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.publicListings);
  return pageOfPublished(eq(articles.status, "published"), page);
}

export async function listPublishedArticlesByCategory({ categoryId, page }: { categoryId: number; page: number }) {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.publicListings);
  return pageOfPublished(and(eq(articles.status, "published"), eq(articles.categoryId, categoryId))!, page);
}

export async function listCategories(): Promise<(PublicCategory & { id: number })[]> {
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

export async function getCategoryBySlug({ slug }: { slug: string }) {
  const all = await listCategories();
  return all.find((c) => c.slug === slug) ?? null;
}

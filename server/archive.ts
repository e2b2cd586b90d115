import "server-only";
import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import { cacheLife, cacheTag } from "next/cache";
import { articleEditions, articles, categories } from "@/db/schema";
import { parseMonthKey, tokyoMonthRange, type ArchiveMonth } from "@/lib/archive";
import { cacheTags } from "@/lib/cache-tags";
import { toTokyoIsoString } from "@/lib/dates";
import { getDatabase } from "./db";
import type { PublicArticleSummary } from "./public-dto";
import { summaryColumns, toSummary } from "./public-news";

export type ArchiveMonthSummary = ArchiveMonth & { count: number; lastModified: string };

// Epoch milliseconds -> the Tokyo calendar month "YYYY-MM" (Japan keeps +09:00 all year).
const tokyoMonthOf = sql<string>`strftime('%Y-%m', ${articles.firstPublishedAt} / 1000 + 32400, 'unixepoch')`;

/** Every Tokyo month in which something now public was first published, newest first, with counts. */
export async function listArchiveMonths(): Promise<ArchiveMonthSummary[]> {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.publicListings);
  const db = await getDatabase();
  const rows = await db
    .select({
      key: tokyoMonthOf,
      count: sql<number>`count(*)`,
      lastModified: sql<number>`max(coalesce(${articles.publicUpdatedAt}, ${articles.firstPublishedAt}))`,
    })
    .from(articles)
    .innerJoin(articleEditions, eq(articleEditions.id, articles.publishedEditionId))
    .where(and(eq(articles.status, "published"), sql`${articles.firstPublishedAt} IS NOT NULL`))
    .groupBy(tokyoMonthOf)
    .orderBy(desc(tokyoMonthOf));
  return rows.flatMap((r) => {
    const month = parseMonthKey(r.key);
    return month ? [{ ...month, count: Number(r.count), lastModified: toTokyoIsoString(new Date(Number(r.lastModified))) }] : [];
  });
}

/** What was first published in one Tokyo month, newest first. */
export async function listArchiveArticles({ year, month }: ArchiveMonth): Promise<PublicArticleSummary[]> {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.publicListings);
  const { start, end } = tokyoMonthRange({ year, month });
  const db = await getDatabase();
  const rows = await db
    .select(summaryColumns)
    .from(articles)
    .innerJoin(articleEditions, eq(articleEditions.id, articles.publishedEditionId))
    .innerJoin(categories, eq(categories.id, articles.categoryId))
    .where(
      and(
        eq(articles.status, "published"),
        gte(articles.firstPublishedAt, new Date(start)),
        lt(articles.firstPublishedAt, new Date(end)),
      ),
    )
    .orderBy(desc(articles.firstPublishedAt), desc(articles.id));
  return rows.map(toSummary);
}

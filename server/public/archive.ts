import "server-only";
import { desc, sql } from "drizzle-orm";
import { cacheLife, cacheTag } from "next/cache";
import { articles } from "@/db/schema";
import { parseMonthKey, type ArchiveMonth } from "@/lib/archive";
import { cacheTags } from "@/lib/cache-tags";
import { toTokyoIsoString } from "@/lib/dates";
import { getDatabase } from "../db";
import type { PublicArticleSummary } from "./dto";
import { publicRead } from "../public-read";
import { firstPublishedIn, selectPublishedArticles } from "@/db/published-articles";
import { summaryColumns, toSummary } from "./summary";

export type ArchiveMonthSummary = ArchiveMonth & { count: number; lastModified: string };

// Epoch milliseconds -> the Tokyo calendar month "YYYY-MM" (Japan keeps +09:00 all year).
const tokyoMonthOf = sql<string>`strftime('%Y-%m', ${articles.firstPublishedAt} / 1000 + 32400, 'unixepoch')`;

/** Every Tokyo month in which something now public was first published, newest first, with counts. */
async function listArchiveMonthsCached(): Promise<ArchiveMonthSummary[]> {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.publicListings);
  const db = await getDatabase();
  const rows = await selectPublishedArticles(
    db,
    {
      key: tokyoMonthOf,
      count: sql<number>`count(*)`,
      lastModified: sql<number>`max(coalesce(${articles.publicUpdatedAt}, ${articles.firstPublishedAt}))`,
    },
    { where: sql`${articles.firstPublishedAt} IS NOT NULL` },
  )
    .groupBy(tokyoMonthOf)
    .orderBy(desc(tokyoMonthOf));
  return rows.flatMap((r) => {
    const month = parseMonthKey(r.key);
    return month ? [{ ...month, count: Number(r.count), lastModified: toTokyoIsoString(new Date(Number(r.lastModified))) }] : [];
  });
}

/** What was first published in one Tokyo month, newest first. */
async function listArchiveArticlesCached({ year, month }: ArchiveMonth): Promise<PublicArticleSummary[]> {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.publicListings);
  const db = await getDatabase();
  const rows = await selectPublishedArticles(db, summaryColumns, { where: firstPublishedIn({ year, month }) }).orderBy(
    desc(articles.firstPublishedAt),
    desc(articles.id),
  );
  return rows.map(toSummary);
}

export const listArchiveMonths = publicRead("the archive index is public", listArchiveMonthsCached);
export const listArchiveArticles = publicRead("archive months list published items", listArchiveArticlesCached);

import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { parseMonthKey, type ArchiveMonth } from "@/lib/archive";
import { cacheTags } from "@/lib/cache-tags";
import { toTokyoIsoString } from "@/lib/dates";
import { defaultLanguage } from "@/lib/env";
import { getDatabase } from "../db";
import type { PublicArticleSummary } from "./dto";
import { publicRead } from "../public-read";
import { selectArchiveArticles, selectArchiveMonthRows } from "./listing-queries";

export type ArchiveMonthSummary = ArchiveMonth & { count: number; lastModified: string };

/** Every Tokyo month in which something now public was first published, newest first, with counts. */
async function listArchiveMonthsCached({ language = defaultLanguage().code }: { language?: string } = {}): Promise<ArchiveMonthSummary[]> {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.publicListings);
  const rows = await selectArchiveMonthRows(await getDatabase(), language);
  return rows.flatMap((r) => {
    const month = parseMonthKey(r.key);
    return month ? [{ ...month, count: Number(r.count), lastModified: toTokyoIsoString(new Date(Number(r.lastModified))) }] : [];
  });
}

/** What was first published in one Tokyo month, newest first. */
async function listArchiveArticlesCached({
  year,
  month,
  language = defaultLanguage().code,
}: ArchiveMonth & { language?: string }): Promise<PublicArticleSummary[]> {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.publicListings);
  return selectArchiveArticles(await getDatabase(), { year, month }, language);
}

export const listArchiveMonths = publicRead("the archive index is public", listArchiveMonthsCached);
export const listArchiveArticles = publicRead("archive months list published items", listArchiveArticlesCached);

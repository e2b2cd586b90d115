import { and, eq, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { categories } from "@/db/schema";
import { toFtsQuery } from "@/lib/search-query";
import { latest, selectStudioRows, studioWordMatch } from "@/server/articles/studio-rows";
import { runPublicSearch } from "@/server/public/search-queries";
import { listingReaders, regenerateSitemapIndex, sitemapArticleFile } from "./db-page-timings";
import { percentile, timeRepeatedly } from "./stats";
import { COMMON_WORD_JA, RARE_WORD, RARE_WORD_JA } from "./text-gen";

/** /search's own query (server/public/search-queries.ts), timed directly on the bench database. */
async function searchLikeThePublicPage(db: Database, input: string) {
  const parsed = toFtsQuery(input);
  if (!parsed.ok) throw new Error(parsed.message);
  const result = await runPublicSearch(db, { match: parsed.match, page: 1 });
  return { total: result.total, shown: result.items.length };
}

/** The studio list's query (server/articles/studio-rows.ts), without the session check its callers make. */
const studioRows = (db: Database, where: SQL | undefined) => selectStudioRows(db, where, 51);

export const RARE_QUERIES = [RARE_WORD, `${RARE_WORD} sculpture`];
export const COMMON_QUERIES = ["governor", "city", "budget plan"];
/** In the at-scale database every second item is Japanese (bench/seed-items.ts `japaneseEvery`). */
export const RARE_QUERIES_JA = [RARE_WORD_JA, `${RARE_WORD_JA} 彫刻`];
export const COMMON_QUERIES_JA = [COMMON_WORD_JA, "防災訓練", "知事"];

export type Timing = { p50: number; p95: number; count: number; note?: string };
/** Per kind of query: enough samples for a p95, without minutes of waiting at 100k items. */
const BUDGET = { budgetMs: 20_000, minSamples: 40 };
/** A sitemap took seconds at 100k before it was reworked: fewer samples. */
const SLOW_BUDGET = { budgetMs: 20_000, minSamples: 5 };
const summarise = (samples: number[], note?: string): Timing => ({
  p50: percentile(samples, 50),
  p95: percentile(samples, 95),
  count: samples.length,
  note,
});

export async function measureDatabase(db: Database, queries: number) {
  const hits: Record<string, number> = {};
  const search = async (list: string[]) =>
    timeRepeatedly(
      queries,
      async (i) => {
        const q = list[i % list.length]!;
        hits[q] = (await searchLikeThePublicPage(db, q)).total;
      },
      BUDGET,
    );
  const rare = await search(RARE_QUERIES);
  const common = await search(COMMON_QUERIES);
  const rareJa = await search(RARE_QUERIES_JA);
  const commonJa = await search(COMMON_QUERIES_JA);
  const [cat] = await db.select({ id: categories.id }).from(categories).where(eq(categories.slug, "tourism"));
  const studioQueries = Math.max(20, Math.round(queries / 4));
  const list = await timeRepeatedly(studioQueries, () => studioRows(db, undefined), BUDGET);
  const filter = await timeRepeatedly(
    studioQueries,
    () => studioRows(db, and(eq(latest.state, "published"), eq(latest.categoryId, cat?.id ?? 1))),
    BUDGET,
  );
  const text = await timeRepeatedly(studioQueries, () => studioRows(db, studioWordMatch("festival")), BUDGET);
  const pages = await listingReaders(db);
  const pageQueries = Math.max(20, Math.round(queries / 4));
  const home = await timeRepeatedly(pageQueries, pages.home, BUDGET);
  const category = await timeRepeatedly(pageQueries, pages.category, BUDGET);
  const archiveIndex = await timeRepeatedly(pageQueries, pages.archiveIndex, BUDGET);
  const archiveMonth = await timeRepeatedly(pageQueries, pages.archiveMonth, BUDGET);
  let sitemapShape = "";
  const sitemap = await timeRepeatedly(
    pageQueries,
    async () => {
      const { files } = await regenerateSitemapIndex(db);
      sitemapShape = `index of ${files} article files`;
    },
    SLOW_BUDGET,
  );
  let fileBytes = 0;
  const sitemapFile = await timeRepeatedly(
    Math.max(5, Math.round(queries / 20)),
    async () => {
      fileBytes = await sitemapArticleFile(db);
    },
    SLOW_BUDGET,
  );
  const hitNote = (list: string[]) => list.map((q) => `"${q}": ${hits[q]} hits`).join(", ");
  return {
    searchRare: summarise(rare, hitNote(RARE_QUERIES)),
    searchCommon: summarise(common, hitNote(COMMON_QUERIES)),
    searchRareJa: summarise(rareJa, hitNote(RARE_QUERIES_JA)),
    searchCommonJa: summarise(commonJa, hitNote(COMMON_QUERIES_JA)),
    studioList: summarise(list, "newest 50, no filter"),
    studioFilter: summarise(filter, "state=published AND category=tourism"),
    studioTextFilter: summarise(text, "LIKE '%festival%' on title/summary/slug"),
    home: summarise(home, "page 1 and the total"),
    category: summarise(category, "tourism, page 1 and the total"),
    archiveIndex: summarise(archiveIndex, "months with counts"),
    archiveMonth: summarise(archiveMonth, `every item of ${pages.monthLabel}`),
    sitemap: summarise(sitemap, `/sitemap.xml: ${sitemapShape}`),
    sitemapFile: summarise(sitemapFile, `articles-2.xml: ${(fileBytes / 1024 / 1024).toFixed(1)} MB of XML`),
  };
}

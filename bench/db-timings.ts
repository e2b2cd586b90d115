import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Database } from "@/db/client";
import { articleEditions, articles, categories, users } from "@/db/schema";
import { toFtsQuery } from "@/lib/search-query";
import { runPublicSearch } from "@/server/public/search-queries";
import { percentile, timeRepeatedly } from "./stats";
import { RARE_WORD } from "./text-gen";

/** /search's own query (server/public/search-queries.ts), timed directly on the bench database. */
async function searchLikeThePublicPage(db: Database, input: string) {
  const parsed = toFtsQuery(input);
  if (!parsed.ok) throw new Error(parsed.message);
  const result = await runPublicSearch(db, { match: parsed.match, page: 1 });
  return { total: result.total, shown: result.items.length };
}

const latest = alias(articleEditions, "latest");
const authors = alias(users, "authors");

/** The studio list's query (server/articles/studio-queries.ts studioRows), without the auth check. */
function studioRows(db: Database, where: SQL | undefined) {
  return db
    .select({
      id: articles.id,
      slug: articles.slug,
      status: articles.status,
      title: latest.title,
      state: latest.state,
      editionNumber: latest.number,
      categoryName: categories.name,
      authorName: authors.name,
      updatedAt: latest.updatedAt,
      scheduledFor: latest.scheduledFor,
      firstPublishedAt: articles.firstPublishedAt,
      scheduleError: latest.scheduleError,
    })
    .from(articles)
    .innerJoin(
      latest,
      and(
        eq(latest.articleId, articles.id),
        eq(latest.number, sql`(SELECT MAX(number) FROM article_editions e WHERE e.article_id = ${articles.id})`),
      ),
    )
    .innerJoin(categories, eq(categories.id, latest.categoryId))
    .leftJoin(authors, eq(authors.id, articles.authorId))
    .where(where)
    .orderBy(desc(latest.updatedAt), desc(articles.id))
    .limit(51)
    .offset(0);
}

export const RARE_QUERIES = [RARE_WORD, `${RARE_WORD} sculpture`];
export const COMMON_QUERIES = ["governor", "city", "budget plan"];

export type Timing = { p50: number; p95: number; count: number; note?: string };
/** Per kind of query: enough samples for a p95, without minutes of waiting at 100k items. */
const BUDGET = { budgetMs: 20_000, minSamples: 40 };
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
  const [cat] = await db.select({ id: categories.id }).from(categories).where(eq(categories.slug, "tourism"));
  const studioQueries = Math.max(20, Math.round(queries / 4));
  const list = await timeRepeatedly(studioQueries, () => studioRows(db, undefined), BUDGET);
  const filter = await timeRepeatedly(
    studioQueries,
    () => studioRows(db, and(eq(latest.state, "published"), eq(latest.categoryId, cat?.id ?? 1))),
    BUDGET,
  );
  const text = await timeRepeatedly(
    studioQueries,
    () => {
      const pattern = "%festival%";
      return studioRows(
        db,
        sql`(${latest.title} LIKE ${pattern} ESCAPE '\\' OR ${latest.summary} LIKE ${pattern} ESCAPE '\\' OR ${articles.slug} LIKE ${pattern} ESCAPE '\\')`,
      );
    },
    BUDGET,
  );
  const hitNote = (list: string[]) => list.map((q) => `"${q}": ${hits[q]} hits`).join(", ");
  return {
    searchRare: summarise(rare, hitNote(RARE_QUERIES)),
    searchCommon: summarise(common, hitNote(COMMON_QUERIES)),
    studioList: summarise(list, "newest 50, no filter"),
    studioFilter: summarise(filter, "state=published AND category=tourism"),
    studioTextFilter: summarise(text, "LIKE '%festival%' on title/summary/slug"),
  };
}

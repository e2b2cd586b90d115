import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Database } from "@/db/client";
import { articleEditions, articles, categories, users } from "@/db/schema";
import { HIT_END, HIT_START, toFtsQuery } from "@/lib/search-query";
import { percentile, timeRepeatedly } from "./stats";
import { RARE_WORD } from "./text-gen";

/**
 * The same two statements server/search.ts runs for /search (count, then ranked page with
 * snippets), timed directly: server/ modules import "server-only" and cannot run here.
 * Keep in step with searchPublishedArticles.
 */
async function searchLikeThePublicPage(db: Database, input: string) {
  const parsed = toFtsQuery(input);
  if (!parsed.ok) throw new Error(parsed.message);
  const where = sql`article_search MATCH ${parsed.match} AND a.status = 'published'`;
  const from = sql`FROM article_search
    CROSS JOIN articles a ON a.id = article_search.rowid
    CROSS JOIN article_editions e ON e.id = a.published_edition_id
    CROSS JOIN categories c ON c.id = a.category_id`;
  const [count] = await db.all<{ n: number }>(sql`SELECT count(*) AS n ${from} WHERE ${where}`);
  const rows = await db.all(sql`
    WITH page AS (
      SELECT a.id AS id, a.first_published_at AS at, bm25(article_search, 10.0, 3.0, 1.0) AS score
      ${from} WHERE ${where} ORDER BY score, at DESC, id DESC LIMIT 10 OFFSET 0
    )
    SELECT a.slug, e.dateline_date, c.slug, c.name, e.title,
           highlight(article_search, 0, ${HIT_START}, ${HIT_END}) AS titleHl,
           snippet(article_search, 2, ${HIT_START}, ${HIT_END}, '…', 28) AS excerpt
    FROM page
    CROSS JOIN article_search ON article_search.rowid = page.id
    CROSS JOIN articles a ON a.id = page.id
    CROSS JOIN article_editions e ON e.id = a.published_edition_id
    CROSS JOIN categories c ON c.id = a.category_id
    WHERE article_search MATCH ${parsed.match}
    ORDER BY page.score, page.at DESC, page.id DESC`);
  return { total: Number(count?.n ?? 0), shown: rows.length };
}

const latest = alias(articleEditions, "latest");
const authors = alias(users, "authors");

/** The studio list's query (server/articles/studio-queries.ts studioRows), without the auth check. */
function studioRows(db: Database, where: SQL | undefined) {
  return db
    .select({
      id: articles.id, slug: articles.slug, status: articles.status, title: latest.title, state: latest.state,
      editionNumber: latest.number, categoryName: categories.name, authorName: authors.name, updatedAt: latest.updatedAt,
      scheduledFor: latest.scheduledFor, firstPublishedAt: articles.firstPublishedAt, scheduleError: latest.scheduleError,
    })
    .from(articles)
    .innerJoin(latest, and(
      eq(latest.articleId, articles.id),
      eq(latest.number, sql`(SELECT MAX(number) FROM article_editions e WHERE e.article_id = ${articles.id})`),
    ))
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
const summarise = (samples: number[], note?: string): Timing => ({ p50: percentile(samples, 50), p95: percentile(samples, 95), count: samples.length, note });

export async function measureDatabase(db: Database, queries: number) {
  const hits: Record<string, number> = {};
  const search = async (list: string[]) =>
    timeRepeatedly(queries, async (i) => {
      const q = list[i % list.length]!;
      hits[q] = (await searchLikeThePublicPage(db, q)).total;
    }, BUDGET);
  const rare = await search(RARE_QUERIES);
  const common = await search(COMMON_QUERIES);
  const [cat] = await db.select({ id: categories.id }).from(categories).where(eq(categories.slug, "tourism"));
  const studioQueries = Math.max(20, Math.round(queries / 4));
  const list = await timeRepeatedly(studioQueries, () => studioRows(db, undefined), BUDGET);
  const filter = await timeRepeatedly(studioQueries, () =>
    studioRows(db, and(eq(latest.state, "published"), eq(latest.categoryId, cat?.id ?? 1))), BUDGET);
  const text = await timeRepeatedly(studioQueries, () => {
    const pattern = "%festival%";
    return studioRows(db, sql`(${latest.title} LIKE ${pattern} ESCAPE '\\' OR ${latest.summary} LIKE ${pattern} ESCAPE '\\' OR ${articles.slug} LIKE ${pattern} ESCAPE '\\')`);
  }, BUDGET);
  const hitNote = (list: string[]) => list.map((q) => `"${q}": ${hits[q]} hits`).join(", ");
  return {
    searchRare: summarise(rare, hitNote(RARE_QUERIES)),
    searchCommon: summarise(common, hitNote(COMMON_QUERIES)),
    studioList: summarise(list, "newest 50, no filter"),
    studioFilter: summarise(filter, "state=published AND category=tourism"),
    studioTextFilter: summarise(text, "LIKE '%festival%' on title/summary/slug"),
  };
}

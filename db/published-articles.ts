// In db/ because the search index (db/search-index.ts, rebuilt by db/setup.ts at first start)
// needs the same rule, and db/ never imports server/. Reads no session or request.
import { and, eq, gte, inArray, isNotNull, lt, sql, type SQL } from "drizzle-orm";
import type { SelectedFields, SQLiteSelect } from "drizzle-orm/sqlite-core";
import type { Database, Transaction } from "./client";
import { tokyoMonthRange, type ArchiveMonth } from "@/lib/archive";
import { articleEditions, articles, categories } from "./schema";

/**
 * THE published-article query: every reader-facing read of articles goes through here, so
 * "what is public" is written once. Public = the article's status AND the edition its
 * published_edition_id points to (never the newest edition: a scheduled correction or a
 * draft stays out), with the article's public category.
 *
 * - "listed": published items, which listings, feeds, sitemaps, search and lists show.
 * - "at-address": also withdrawn items, whose page stays at its address with a notice
 *   (the article page and its hero), but which are listed nowhere.
 */
export type Visibility = "listed" | "at-address";

type Reader = Pick<Database | Transaction, "select">;

export function isPublic(visibility: Visibility = "listed"): SQL {
  return visibility === "listed" ? eq(articles.status, "published") : inArray(articles.status, ["published", "withdrawn"]);
}

/**
 * `select fields from` the public articles, joined to their published edition and category,
 * filtered by `where` as well. Chain orderBy/groupBy/limit/offset on the result.
 */
export function selectPublishedArticles<Fields extends SelectedFields>(
  db: Reader,
  fields: Fields,
  { where, visibility = "listed" }: { where?: SQL; visibility?: Visibility } = {},
) {
  return publishedOnly(db.select(fields).from(articles).$dynamic(), and(isPublic(visibility), where));
}

/**
 * The same public rows for reads that need nothing of the edition's words (counts, sitemap
 * URLs, archive months): no join, so they are answered from articles_public_idx alone instead
 * of reading 100,000 edition rows, bodies and all. The joins above become NOT NULL checks,
 * which select the same rows: editions are only ever deleted with their article, and the
 * category foreign key (PRAGMA foreign_keys=ON, db/client.ts) refuses a dangling category_id.
 */
export function selectPublishedArticleRows<Fields extends SelectedFields>(
  db: Reader,
  fields: Fields,
  { where, visibility = "listed" }: { where?: SQL; visibility?: Visibility } = {},
) {
  const rule = and(isPublic(visibility), isNotNull(articles.publishedEditionId), isNotNull(articles.categoryId), where);
  return db.select(fields).from(articles).where(rule).$dynamic();
}

function publishedOnly<Query>(query: Query, where: SQL | undefined): Query {
  // Inner joins add no nullable columns, and a select of named fields returns those fields:
  // the joins leave the query's result type as it was (TypeScript cannot see that for a generic query).
  const joined = (query as unknown as SQLiteSelect)
    .innerJoin(articleEditions, eq(articleEditions.id, articles.publishedEditionId))
    .innerJoin(categories, eq(categories.id, articles.categoryId))
    .where(where);
  return joined as unknown as Query;
}

/**
 * The same rule for the few hand-written SQL reads (full-text search, window functions), over
 * the aliases `a` (articles), `e` (its published edition) and `c` (its category). CROSS JOIN is
 * an inner join whose order SQLite keeps, which the FTS read relies on; it changes no result.
 */
export const PUBLISHED_JOINS_SQL = sql.raw(
  "CROSS JOIN article_editions e ON e.id = a.published_edition_id CROSS JOIN categories c ON c.id = a.category_id",
);
export const LISTED_SQL = sql.raw("a.status = 'published'");
/** selectPublishedArticleRows's rule over the alias `a`, for hand-written SQL that needs no edition. */
export const LISTED_ROWS_SQL = sql.raw("a.status = 'published' AND a.published_edition_id IS NOT NULL AND a.category_id IS NOT NULL");

/** Items first published in one Tokyo month: an archive page, and proxy.ts asking whether it is empty. */
export function firstPublishedIn(month: ArchiveMonth): SQL {
  const { start, end } = tokyoMonthRange(month);
  return and(gte(articles.firstPublishedAt, new Date(start)), lt(articles.firstPublishedAt, new Date(end)))!;
}

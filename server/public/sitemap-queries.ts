// No `import "server-only"`: the benchmark (bench/db-timings.ts) times these exact queries outside
// Next. They read no session; server/public/sitemap.ts calls them inside its cached reads.
import { asc, count, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { LISTED_SQL, PUBLISHED_JOINS_SQL, selectPublishedArticles } from "@/db/published-articles";
import { articles } from "@/db/schema";

type Reader = Pick<Database, "select" | "all">;

/** An item's lastmod: its last major public change, else its first publication (epoch ms). */
const lastChange = sql<number>`coalesce(${articles.publicUpdatedAt}, ${articles.firstPublishedAt})`;

// None of these needs an edition's words, so none reads article_editions: each is answered
// from articles and articles_public_idx (at 100,000 items, ms instead of seconds).

/** Per category: the newest change among its public items. */
export function selectCategoryLastChanges(db: Reader) {
  return selectPublishedArticles(db, { categoryId: articles.categoryId, lastChange: sql<number>`max(${lastChange})` }).groupBy(
    articles.categoryId,
  );
}

/** Public items in id order, so adding items only ever changes the last file of a split sitemap. */
export function selectSitemapArticles(db: Reader, { offset, limit }: { offset: number; limit: number }) {
  return selectPublishedArticles(db, { slug: articles.slug, lastChange }).orderBy(asc(articles.id)).limit(limit).offset(offset);
}

export async function countSitemapArticles(db: Reader): Promise<number> {
  const [row] = await selectPublishedArticles(db, { n: count() });
  return row?.n ?? 0;
}

/** The newest change in each article file of a split sitemap (files of `maxUrls` items in id order). */
export function selectArticleFileLastChanges(db: Reader, maxUrls: number) {
  return db.all<{ file: number; lastChange: number }>(sql`
    SELECT file, max(last_change) AS lastChange FROM (
      SELECT (row_number() OVER (ORDER BY a.id) - 1) / ${maxUrls} AS file,
             coalesce(a.public_updated_at, a.first_published_at) AS last_change
      FROM articles a ${PUBLISHED_JOINS_SQL}
      WHERE ${LISTED_SQL}
    ) GROUP BY file ORDER BY file`);
}

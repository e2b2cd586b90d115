// No `import "server-only"`: the benchmark (bench/db-timings.ts) times these exact queries outside
// Next. They read no session; server/public/sitemap.ts calls them inside its cached reads.
import { count, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { LISTED_ROWS_SQL, selectPublishedArticleRows } from "@/db/published-articles";

type Reader = Pick<Database, "select" | "all">;

// An item's lastmod is its last major public change, else its first publication (epoch ms).
// None of these needs an edition's words, so none reads article_editions: each is answered
// from articles and articles_public_idx (at 100,000 items, ms instead of seconds).

/**
 * Per category: the newest change among its public items (null when it has none). One probe of
 * articles_category_public_idx per category, not a GROUP BY over every item through a temp b-tree.
 */
export function selectCategoryLastChanges(db: Reader) {
  return db.all<{ categoryId: number; lastChange: number | null }>(sql`
    SELECT c.id AS categoryId,
           (SELECT max(coalesce(a.public_updated_at, a.first_published_at)) FROM articles a
            WHERE a.category_id = c.id AND ${LISTED_ROWS_SQL}) AS lastChange
    FROM categories c`);
}

/**
 * Public items in id order, so adding items only ever changes the last file of a split sitemap.
 * NOT INDEXED: left to itself SQLite takes articles_public_idx for `status = 'published'`, then
 * fetches every row out of order and sorts 100,000 ids (5 s at 100k on a busy disk); walking
 * the table in rowid order is the id order already (0.1 s).
 */
export function selectSitemapArticles(db: Reader, { offset, limit }: { offset: number; limit: number }) {
  return db.all<{ slug: string; lastChange: number }>(sql`
    SELECT a.slug AS slug, coalesce(a.public_updated_at, a.first_published_at) AS lastChange
    FROM articles a NOT INDEXED WHERE ${LISTED_ROWS_SQL}
    ORDER BY a.id LIMIT ${limit} OFFSET ${offset}`);
}

export async function countSitemapArticles(db: Reader): Promise<number> {
  const [row] = await selectPublishedArticleRows(db, { n: count() });
  return row?.n ?? 0;
}

/**
 * The newest change in each article file of a split sitemap (files of `maxUrls` items in id
 * order). One aggregate per file rather than row_number() over every item, which sorted and
 * numbered all 100,000 rows in a window (2–3 s at 100k); NOT INDEXED as above.
 */
export async function selectArticleFileLastChanges(db: Reader, maxUrls: number) {
  const files = Math.ceil((await countSitemapArticles(db)) / maxUrls);
  const out: { file: number; lastChange: number | null }[] = [];
  for (let file = 0; file < files; file++) {
    const [row] = await db.all<{ lastChange: number | null }>(sql`
      SELECT max(last_change) AS lastChange FROM (
        SELECT coalesce(a.public_updated_at, a.first_published_at) AS last_change
        FROM articles a NOT INDEXED WHERE ${LISTED_ROWS_SQL}
        ORDER BY a.id LIMIT ${maxUrls} OFFSET ${file * maxUrls})`);
    out.push({ file, lastChange: row?.lastChange ?? null });
  }
  return out;
}

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;

/**
 * An epoch-ms lastmod as W3C time in Tokyo ("2026-10-01T09:30:00+09:00"), the same text as
 * lib/dates toTokyoIsoString but by arithmetic (Japan keeps +09:00 all year): Intl's
 * formatToParts for 100,000 URLs took about a second of a sitemap regeneration.
 */
export function sitemapDate(epochMs: number | null | undefined): string | undefined {
  if (!epochMs) return undefined;
  return `${new Date(Number(epochMs) + TOKYO_OFFSET_MS).toISOString().slice(0, 19)}+09:00`;
}

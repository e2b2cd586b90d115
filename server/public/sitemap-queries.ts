// No `import "server-only"`: the benchmark (bench/db-timings.ts) times these exact queries outside
// Next. They read no session; server/public/sitemap.ts calls them inside its cached reads.
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { LISTED_ROWS_SQL } from "@/db/published-articles";

type Reader = Pick<Database, "select" | "all">;

// An item's lastmod is its last major public change, else its first publication (epoch ms).
// None of these needs an edition's words, so none reads article_editions: each is answered
// from articles and articles_public_idx (at 100,000 items, ms instead of seconds).

/**
 * `a.language IN (…)`: only the configured languages have addresses (an item in a language
 * dropped from SITE_LANGUAGES has none). Without a list (the benchmark's older calls), every language.
 */
const inLanguages = (languages: readonly string[] | undefined, alias = sql.raw("a")) =>
  languages
    ? sql`${alias}.language IN (${sql.join(
        languages.map((l) => sql`${l}`),
        sql`, `,
      )})`
    : sql`1`;

/**
 * Per category: the newest change among its public items in `language` (null when it has none).
 * One probe of articles_category_public_idx (category_id, language, status, …) per category, not
 * a GROUP BY over every item through a temp b-tree.
 */
export function selectCategoryLastChanges(db: Reader, language?: string) {
  return db.all<{ categoryId: number; lastChange: number | null }>(sql`
    SELECT c.id AS categoryId,
           (SELECT max(coalesce(a.public_updated_at, a.first_published_at)) FROM articles a
            WHERE a.category_id = c.id AND ${language === undefined ? sql`1` : sql`a.language = ${language}`} AND ${LISTED_ROWS_SQL}) AS lastChange
    FROM categories c`);
}

/**
 * The Tokyo months with public items in `language`, newest first, with each month's newest
 * change: the archive months of that language's sitemap entries. Grouped in the order of
 * articles_archive_month_idx (language, status, first_published_month, …), which covers it.
 */
export function selectArchiveMonthLastChanges(db: Reader, language: string) {
  return db.all<{ key: string; lastChange: number | null }>(sql`
    SELECT a.first_published_month AS key, max(coalesce(a.public_updated_at, a.first_published_at)) AS lastChange
    FROM articles a
    WHERE a.language = ${language} AND ${LISTED_ROWS_SQL} AND a.first_published_at IS NOT NULL
    GROUP BY a.first_published_month ORDER BY a.first_published_month DESC`);
}

/** LISTED_ROWS_SQL over the alias `m`. */
const LISTED_ROWS_OF_M = sql.raw("m.status = 'published' AND m.published_edition_id IS NOT NULL AND m.category_id IS NOT NULL");

/** A translation group's public versions as `selectSitemapArticles` returns them: "ja slug-ja 0,en slug 1" (1 marks the source). */
export type GroupVersions = string | null;

/**
 * Public items of the configured languages in id order, so adding items only ever changes the
 * last file of a split sitemap. For an item in a translation group (a translation, or a source
 * some item translates) `versions` lists the group's public versions in the configured languages:
 * "<language> <slug> <1 if the source>", comma-separated (slugs are lower-case ASCII, lib/slug.ts).
 * Per row that is one probe of articles_translation_of_idx (covering), and for grouped rows one
 * multi-index OR lookup: at 100,000 items, half of them in groups of two, ~0.25 s a 50,000-row
 * file instead of ~0.8 s for reading every group's members beside it.
 * NOT INDEXED: left to itself SQLite takes articles_public_idx for `status = 'published'`, then
 * fetches every row out of order and sorts 100,000 ids (5 s at 100k on a busy disk); walking
 * the table in rowid order is the id order already (0.1 s).
 */
export function selectSitemapArticles(
  db: Reader,
  { offset, limit, languages }: { offset: number; limit: number; languages?: readonly string[] },
) {
  return db.all<{ slug: string; language: string; lastChange: number; versions: GroupVersions }>(sql`
    SELECT a.slug AS slug, a.language AS language, coalesce(a.public_updated_at, a.first_published_at) AS lastChange,
      CASE WHEN a.translation_of_id IS NOT NULL OR EXISTS (SELECT 1 FROM articles t WHERE t.translation_of_id = a.id)
      THEN (SELECT group_concat(m.language || ' ' || m.slug || ' ' || (m.id = coalesce(a.translation_of_id, a.id)), ',')
            FROM articles m
            WHERE (m.id = coalesce(a.translation_of_id, a.id) OR m.translation_of_id = coalesce(a.translation_of_id, a.id))
              AND ${LISTED_ROWS_OF_M} AND ${inLanguages(languages, sql.raw("m"))})
      END AS versions
    FROM articles a NOT INDEXED WHERE ${LISTED_ROWS_SQL} AND ${inLanguages(languages)}
    ORDER BY a.id LIMIT ${limit} OFFSET ${offset}`);
}

export async function countSitemapArticles(db: Reader, languages?: readonly string[]): Promise<number> {
  const [row] = await db.all<{ n: number }>(
    sql`SELECT count(*) AS n FROM articles a WHERE ${inLanguages(languages)} AND ${LISTED_ROWS_SQL}`,
  );
  return Number(row?.n ?? 0);
}

/**
 * The newest change in each article file of a split sitemap (files of `maxUrls` items in id
 * order). One aggregate per file rather than row_number() over every item, which sorted and
 * numbered all 100,000 rows in a window (2–3 s at 100k); NOT INDEXED as above.
 */
export async function selectArticleFileLastChanges(db: Reader, maxUrls: number, languages?: readonly string[]) {
  const files = Math.ceil((await countSitemapArticles(db, languages)) / maxUrls);
  const out: { file: number; lastChange: number | null }[] = [];
  for (let file = 0; file < files; file++) {
    const [row] = await db.all<{ lastChange: number | null }>(sql`
      SELECT max(last_change) AS lastChange FROM (
        SELECT coalesce(a.public_updated_at, a.first_published_at) AS last_change
        FROM articles a NOT INDEXED WHERE ${LISTED_ROWS_SQL} AND ${inLanguages(languages)}
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

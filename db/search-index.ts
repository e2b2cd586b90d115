import { eq, sql } from "drizzle-orm";
import { documentToPlainText, type ArticleDocument } from "@/lib/content/document-schema";
import { indexableText } from "@/lib/search-words";
import type { Database } from "./client";
import { LISTED_SQL, PUBLISHED_JOINS_SQL, selectPublishedArticles } from "./published-articles";
import { articleEditions, articles } from "./schema";

/**
 * SQL-only maintenance of the FTS5 table `article_search` (db/migrations/0002_search_index.sql):
 * one row per public item, rowid = articles.id. "Public" is the rule every reader query uses
 * (db/published-articles.ts): status 'published' and the words of its publishedEditionId
 * edition, so scheduled editions and drafts never reach the index. It lives in db/ because
 * db/setup.ts rebuilds the index after seeding demo content, and db/ never imports server/;
 * publishing (server/articles/editorial-type.ts) and withdrawal keep it in step.
 */

/** A database handle or the transaction a publishing function is running in. */
export type SearchIndexWriter = Pick<Database, "select" | "run">;

type PublicWords = { id: number; title: string; summary: string; body: ArticleDocument };

const publicWordsColumns = {
  id: articles.id,
  title: articleEditions.title,
  summary: articleEditions.summary,
  body: articleEditions.body,
};

/** Replaces one item's index row (delete + insert: FTS5 has no upsert), Japanese cut into words (lib/search-words.ts). */
async function writeSearchEntry(tx: SearchIndexWriter, row: PublicWords) {
  await tx.run(sql`DELETE FROM article_search WHERE rowid = ${row.id}`);
  await tx.run(
    sql`INSERT INTO article_search (rowid, title, summary, body)
        VALUES (${row.id}, ${indexableText(row.title)}, ${indexableText(row.summary)}, ${indexableText(documentToPlainText(row.body))})`,
  );
}

/**
 * Brings one article's index row in line with its current public state: call it INSIDE
 * the transaction that publishes, republishes, withdraws or unpublishes the article, after
 * the article row is written, so search changes in the same commit as the page.
 */
export async function syncArticleSearchEntry(tx: SearchIndexWriter, articleId: number): Promise<"indexed" | "removed"> {
  const [row] = await selectPublishedArticles(tx, publicWordsColumns, { where: eq(articles.id, articleId) }).limit(1);
  if (!row) {
    await tx.run(sql`DELETE FROM article_search WHERE rowid = ${articleId}`);
    return "removed";
  }
  await writeSearchEntry(tx, row);
  return "indexed";
}

const REBUILD_BATCH = 500;

/**
 * The format the index's rows are written in: 2 cuts Japanese into words (lib/search-words.ts).
 * Raise it whenever what writeSearchEntry stores changes, so existing databases are rebuilt.
 */
export const SEARCH_INDEX_FORMAT = 2;

/**
 * Rebuilds the index when its rows were written in an older format (the migration that added the
 * record, 0008, leaves 0). Returns whether it rebuilt.
 */
export async function ensureSearchIndexFormat(db: Database): Promise<boolean> {
  const [row] = await db.all<{ format: number }>(sql`SELECT format FROM search_index_format WHERE id = 1`);
  if (row && Number(row.format) >= SEARCH_INDEX_FORMAT) return false;
  await rebuildSearchIndex(db);
  return true;
}

/**
 * Empties and refills the index from the published items (after a seed or import, or when its
 * format is old), and records the format, in one transaction. Returns the row count.
 */
export async function rebuildSearchIndex(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.run(sql`DELETE FROM article_search`);
    await tx.run(
      sql`INSERT INTO search_index_format (id, format) VALUES (1, ${SEARCH_INDEX_FORMAT})
          ON CONFLICT (id) DO UPDATE SET format = excluded.format`,
    );
    let indexed = 0;
    let after = 0;
    for (;;) {
      // Raw SQL for NOT INDEXED: through articles_public_idx SQLite would fetch and sort every
      // public item for each batch of 500 (quadratic: 7 minutes at 100,000 items); walking the
      // table in rowid order is already id order.
      const rows = await tx.all<Omit<PublicWords, "body"> & { body: string }>(sql`
        SELECT a.id AS id, e.title AS title, e.summary AS summary, e.body AS body
        FROM articles a NOT INDEXED ${PUBLISHED_JOINS_SQL}
        WHERE ${LISTED_SQL} AND a.id > ${after}
        ORDER BY a.id LIMIT ${REBUILD_BATCH}`);
      const batch = rows.map((r) => ({ ...r, body: JSON.parse(r.body) as ArticleDocument }));
      for (const row of batch) await writeSearchEntry(tx, row);
      indexed += batch.length;
      if (batch.length < REBUILD_BATCH) return indexed;
      after = batch[batch.length - 1]!.id;
    }
  });
}

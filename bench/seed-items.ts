import { randomUUID } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { Handle } from "@/db/client";
import { prepareDatabase } from "@/db/setup";
import { rebuildSearchIndex } from "@/db/search-index";
import { createRandom, generateItem, generateJapaneseItem } from "./text-gen";

const BATCH = 1_000;
const YEARS = 8;

/**
 * A fresh database: migrations, base categories, the demo content (when the seeds folder
 * exists) and `items` generated published items spread over the last eight years,
 * inserted in batched write transactions with explicit ids, then the FTS index rebuilt. With
 * `japaneseEvery` n, every nth item is written in Japanese (the at-scale database mixes both).
 */
export async function createBenchDatabase({
  file,
  items,
  seedsDir,
  japaneseEvery = 0,
}: {
  file: string;
  items: number;
  seedsDir: string;
  japaneseEvery?: number;
}) {
  const started = performance.now();
  const demo = existsSync(seedsDir);
  const { handle } = await prepareDatabase({ url: `file:${file}`, demo, seedsDir });
  const { client } = handle;
  const cats = new Map<string, number>(
    (await client.execute("SELECT slug, id FROM categories")).rows.map((r) => [String(r.slug), Number(r.id)]),
  );
  const maxA = Number((await client.execute("SELECT coalesce(max(id), 0) AS m FROM articles")).rows[0]!.m);
  const maxE = Number((await client.execute("SELECT coalesce(max(id), 0) AS m FROM article_editions")).rows[0]!.m);
  const random = createRandom(20_260_101);
  // A fixed end date keeps the content identical across runs (and so a --no-build rerun valid).
  const end = Date.UTC(2026, 9, 1);
  const start = end - YEARS * 365 * 86_400_000;
  for (let from = 0; from < items; from += BATCH) {
    const statements = [];
    for (let i = from; i < Math.min(items, from + BATCH); i++) {
      const japanese = japaneseEvery > 0 && i % japaneseEvery === japaneseEvery - 1;
      const item = (japanese ? generateJapaneseItem : generateItem)(random, i, start, end);
      const aId = maxA + i + 1;
      const eId = maxE + i + 1;
      const categoryId = cats.get(item.category) ?? cats.values().next().value!;
      statements.push({
        sql: `INSERT INTO articles (id, slug, guid, status, language, published_edition_id, category_id, first_published_at, public_updated_at, created_at, updated_at)
              VALUES (?, ?, ?, 'published', ?, ?, ?, ?, ?, ?, ?)`,
        args: [
          aId,
          item.slug,
          randomUUID(),
          japanese ? "ja" : "en",
          eId,
          categoryId,
          item.publishedAt,
          item.publishedAt,
          item.publishedAt,
          item.publishedAt,
        ],
      });
      statements.push({
        sql: `INSERT INTO article_editions (id, article_id, number, state, title, summary, body, category_id, dateline_date, published_at, created_at, updated_at)
              VALUES (?, ?, 1, 'published', ?, ?, ?, ?, ?, ?, ?, ?)`,
        args: [
          eId,
          aId,
          item.title,
          item.summary,
          JSON.stringify(item.body),
          categoryId,
          item.datelineDate,
          item.publishedAt,
          item.publishedAt,
          item.publishedAt,
        ],
      });
    }
    await client.batch(statements, "write");
  }
  const insertSeconds = (performance.now() - started) / 1000;
  const indexed = await rebuildSearchIndex(handle.db);
  await client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
  return { handle, indexed, demo, insertSeconds, seconds: (performance.now() - started) / 1000 };
}

/** The newest published item's slug: the article page the bench loads. */
export async function newestPublishedSlug(handle: Handle): Promise<string> {
  const [newest] = await handle.db.all<{ slug: string }>(
    sql`SELECT slug FROM articles WHERE status = 'published' ORDER BY first_published_at DESC, id DESC LIMIT 1`,
  );
  if (!newest) throw new Error("The bench database has no published item to load");
  return newest.slug;
}

export function databaseBytes(file: string): number {
  const size = (p: string) => (existsSync(p) ? statSync(p).size : 0);
  return size(file) + size(`${file}-wal`);
}

export type BenchDatabase = { handle: Handle; indexed: number; demo: boolean; insertSeconds: number; seconds: number };

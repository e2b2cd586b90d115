import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { toFtsQuery } from "@/lib/search-query";
import * as search from "@/server/public/search";

/** What the /search page does: make a safe query, then search; null when the input is refused. */
export async function find(
  q: string,
  filters: { category?: string; from?: string; to?: string; page?: number; pageSize?: number; rankingWindow?: number } = {},
) {
  const query = toFtsQuery(q);
  if (!query.ok) return null;
  return search.searchPublishedArticles({ match: query.match, page: 1, ...filters });
}
export const slugsFor = async (q: string) => (await find(q))?.items.map((i) => i.slug) ?? [];
export const indexRows = async (db: Database, id: number) =>
  (await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM article_search WHERE rowid = ${id}`))[0]!.n;

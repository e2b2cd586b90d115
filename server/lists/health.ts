import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { requireCapability } from "../auth/current-user";
import { getDatabase } from "../db";
import { LISTED_SQL } from "@/db/published-articles";

export type ListHealth = { listId: number; name: string; notPublic: number; label: string };

export const healthLabel = (n: number) => (n === 1 ? "1 item no longer public" : `${n} items no longer public`);

/**
 * Published entries that readers no longer see: withdrawn or unpublished
 * items, and deleted ones (their row keeps its place with no article).
 */
export async function countNotPublicByList(db: Database): Promise<Map<number, number>> {
  const rows = await db.all<{ listId: number; n: number }>(sql`
    SELECT i.list_id AS listId, count(*) AS n
    FROM recommendation_list_items i
    LEFT JOIN articles a ON a.id = i.article_id
    WHERE (i.article_id IS NULL AND i.external_url IS NULL)
       OR (i.article_id IS NOT NULL AND (a.id IS NULL OR NOT ${LISTED_SQL}))
    GROUP BY i.list_id`);
  return new Map(rows.map((r) => [Number(r.listId), Number(r.n)]));
}

/** Lists with published entries that are no longer public, worst first: the dashboard's health panel. */
export async function listUnhealthyLists(): Promise<ListHealth[]> {
  await requireCapability("studio:use", "list", "list.health");
  const db = await getDatabase();
  const counts = await countNotPublicByList(db);
  if (counts.size === 0) return [];
  const lists = await db.query.recommendationLists.findMany({ where: (l, { inArray }) => inArray(l.id, [...counts.keys()]) });
  return lists
    .map((l) => ({ listId: l.id, name: l.name, notPublic: counts.get(l.id) ?? 0, label: healthLabel(counts.get(l.id) ?? 0) }))
    .sort((a, b) => b.notPublic - a.notPublic || a.listId - b.listId);
}

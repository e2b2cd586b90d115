import "server-only";
import { and, desc, eq, or, sql } from "drizzle-orm";
import { articleEditions, articles } from "@/db/schema";
import { requireCapability } from "../auth/current-user";
import { getDatabase } from "../db";
import { selectPublishedArticles } from "@/db/published-articles";
import { parseListInput, searchSchema } from "./input";

export type PickerItem = { id: number; title: string; datelineDate: string };

const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Search-as-you-type over PUBLISHED items only (a list may only recommend
 * what readers can open): every word must appear in the public title; a
 * number matches the item's id. Newest first, ten at most.
 */
export async function searchPublishedItemsForPicker(input: unknown): Promise<{ items: PickerItem[] }> {
  await requireCapability("studio:use", "list", "list.picker");
  const { q } = parseListInput(searchSchema, input);
  const words = q.trim().split(/\s+/).filter(Boolean).slice(0, 8);
  if (words.length === 0) return { items: [] };
  const db = await getDatabase();
  const titleMatches = words.map((w) => sql`${articleEditions.title} LIKE ${`%${escapeLike(w)}%`} ESCAPE '\\'`);
  const byId = /^\d+$/.test(q.trim()) ? eq(articles.id, Number(q.trim())) : undefined;
  const rows = await selectPublishedArticles(
    db,
    { id: articles.id, title: articleEditions.title, datelineDate: articleEditions.datelineDate },
    { where: byId ? or(byId, and(...titleMatches)) : and(...titleMatches) },
  )
    .orderBy(desc(articles.firstPublishedAt), desc(articles.id))
    .limit(10);
  return { items: rows };
}

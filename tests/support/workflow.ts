import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { articles, recommendationLists } from "@/db/schema";

export { failure } from "./failure";

export const body = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

export function draftPayload(id: number, version: number, overrides: Record<string, unknown> = {}) {
  return {
    id,
    version,
    title: `Workflow item ${id}`,
    slug: `workflow-item-${id}`,
    summary: "A news item moving through review.",
    categoryId: 1,
    datelineDate: "2026-11-20",
    signatories: [],
    tags: [],
    body: body(`Words of item ${id}.`),
    ...overrides,
  };
}

/** The item's version as its studio page shows it: what approve, schedule and publish must name. */
export async function seenVersion(db: Database, articleId: number): Promise<number> {
  const [row] = await db.select({ version: articles.version }).from(articles).where(eq(articles.id, articleId));
  if (!row) throw new Error(`no article ${articleId}`);
  return row.version;
}

/** The same for a Recommended list. */
export async function seenListVersion(db: Database, listId: number): Promise<number> {
  const [row] = await db
    .select({ version: recommendationLists.version })
    .from(recommendationLists)
    .where(eq(recommendationLists.id, listId));
  if (!row) throw new Error(`no list ${listId}`);
  return row.version;
}

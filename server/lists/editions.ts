import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import {
  recommendationListEditions, recommendationListItems, recommendationLists,
} from "@/db/schema";
import { AppError } from "@/lib/errors";
import { entriesFromItems } from "../public/recommendations";

type Reader = Database | Transaction;
export type ListRow = typeof recommendationLists.$inferSelect;
export type ListEditionRow = typeof recommendationListEditions.$inferSelect;

export async function loadList(db: Reader, listId: number): Promise<ListRow> {
  const list = await db.query.recommendationLists.findFirst({ where: (l, { eq: is }) => is(l.id, listId) });
  if (!list) throw new AppError("not_found:list", "There is no list with that number.");
  return list;
}

export async function latestListEdition(db: Reader, listId: number): Promise<ListEditionRow | null> {
  const [row] = await db
    .select()
    .from(recommendationListEditions)
    .where(eq(recommendationListEditions.listId, listId))
    .orderBy(desc(recommendationListEditions.number))
    .limit(1);
  return row ?? null;
}

/**
 * The newest edition of a list. A list made by older code has none: it gets
 * edition 1 built from its published items (published if the list is).
 */
export async function ensureLatestEdition(tx: Transaction, list: ListRow): Promise<ListEditionRow> {
  const latest = await latestListEdition(tx, list.id);
  if (latest) return latest;
  const items = await tx
    .select()
    .from(recommendationListItems)
    .where(eq(recommendationListItems.listId, list.id))
    .orderBy(asc(recommendationListItems.position));
  const published = list.status === "published";
  const [edition] = await tx
    .insert(recommendationListEditions)
    .values({
      listId: list.id,
      number: 1,
      state: published ? "published" : "draft",
      name: list.name,
      maxItems: list.maxItems,
      fillFromCategory: list.fillFromCategory,
      entries: entriesFromItems(items),
      createdById: list.authorId,
      lastEditedById: list.authorId,
      publishedAt: published ? list.publishedAt : null,
    })
    .returning();
  if (published) await tx.update(recommendationLists).set({ publishedEditionId: edition!.id }).where(eq(recommendationLists.id, list.id));
  return edition!;
}

/**
 * Makes `edition` what readers see, exactly once: the edition only moves if it
 * is still in the state it was read in; its entries replace the published
 * snapshot and its name and limits are copied onto the list, all in `tx`.
 */
export async function publishListEditionInTransaction(
  tx: Transaction,
  list: ListRow,
  edition: ListEditionRow,
  options: { actorId: number | null; now: Date },
): Promise<void> {
  const moved = await tx
    .update(recommendationListEditions)
    .set({ state: "published", publishedAt: options.now, publishedById: options.actorId, scheduleError: null, updatedAt: options.now })
    .where(and(eq(recommendationListEditions.id, edition.id), eq(recommendationListEditions.state, edition.state)))
    .returning({ id: recommendationListEditions.id });
  if (moved.length === 0) throw new AppError("conflict:list", "Someone else changed this list's state a moment ago. Reload to see it.");
  if (list.publishedEditionId && list.publishedEditionId !== edition.id) {
    await tx.update(recommendationListEditions).set({ state: "superseded" }).where(eq(recommendationListEditions.id, list.publishedEditionId));
  }
  await tx.delete(recommendationListItems).where(eq(recommendationListItems.listId, list.id));
  if (edition.entries.length > 0) {
    await tx.insert(recommendationListItems).values(
      edition.entries.map((entry, position) =>
        entry.kind === "article"
          ? { listId: list.id, position, articleId: entry.articleId }
          : { listId: list.id, position, externalUrl: entry.url, externalTitle: entry.title, externalDate: entry.date },
      ),
    );
  }
  await tx
    .update(recommendationLists)
    .set({
      status: "published",
      publishedEditionId: edition.id,
      name: edition.name,
      maxItems: edition.maxItems,
      fillFromCategory: edition.fillFromCategory,
      publishedAt: options.now,
    })
    .where(eq(recommendationLists.id, list.id));
}

import "server-only";
import { asc, eq } from "drizzle-orm";
import { recommendationListEditions, recommendationListItems, recommendationLists } from "@/db/schema";
import { cacheTags } from "@/lib/cache-tags";
import { AppError } from "@/lib/errors";
import { defineEditorialType, type Reader } from "../editorial/define-editorial-type";
import { latestEdition } from "../editorial/edition-rows";
import { entriesFromItems } from "../public/recommendations";

export type ListRow = typeof recommendationLists.$inferSelect;
export type ListEditionRow = typeof recommendationListEditions.$inferSelect;

export async function loadList(db: Reader, listId: number): Promise<ListRow> {
  const list = await db.query.recommendationLists.findFirst({ where: (l, { eq: is }) => is(l.id, listId) });
  if (!list) throw new AppError("not_found:list", "There is no list with that number.");
  return list;
}

const editions = { table: recommendationListEditions, parentId: recommendationListEditions.listId, parentKey: "listId" };

export const latestListEdition = (db: Reader, listId: number) => latestEdition<ListEditionRow>(db, { editions }, listId);

/** Recommended-for-You lists as a content type with editions: writers edit and submit, editors review, publishers approve and publish. */
export const listType = defineEditorialType<ListRow, ListEditionRow>({
  kind: "list",
  surface: "list",
  idField: "listId",
  noun: "list",
  contents: "entries",
  editions,
  items: { table: recommendationLists },
  capabilities: {
    submit: "list:edit",
    return_to_draft: "list:edit",
    request_changes: "article:review",
    approve: "list:publish",
    publish: "list:publish",
    schedule: "list:publish",
    unschedule: "list:publish",
  },
  loadForCaller: loadList,
  // A list made by older code has no edition: it gets edition 1 built from its published items (published if the list is).
  ensureWorkingEdition: async (tx, list) => {
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
  },
  // The edition's entries replace the published snapshot; its name and limits are copied onto the list.
  publish: async ({ tx, item: list, edition, now }) => {
    await tx.delete(recommendationListItems).where(eq(recommendationListItems.listId, list.id));
    if (edition.entries.length > 0) {
      await tx
        .insert(recommendationListItems)
        .values(
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
        publishedAt: now,
      })
      .where(eq(recommendationLists.id, list.id));
  },
  tagsFor: () => [cacheTags.recommendations, cacheTags.publicListings],
});

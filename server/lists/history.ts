import "server-only";
import { desc, eq, inArray } from "drizzle-orm";
import { recommendationListEditions, users, type EditionState } from "@/db/schema";
import { requireCapability } from "../auth/current-user";
import { getDatabase } from "../db";
import { loadList } from "./editorial-type";
import { listIdSchema, parseListInput } from "./input";

export type ListEditionSummary = {
  number: number;
  state: EditionState;
  name: string;
  items: number;
  createdBy: string | null;
  lastEditedBy: string | null;
  reviewedBy: string | null;
  publishedBy: string | null;
  updatedAt: string;
  publishedAt: string | null;
  scheduledFor: string | null;
};

/** Revision history: every edition, newest first, with who did what and when. */
export async function listRecommendationListEditions(input: unknown): Promise<ListEditionSummary[]> {
  await requireCapability("studio:use", "list", "list.read");
  const { listId } = parseListInput(listIdSchema, input);
  const db = await getDatabase();
  await loadList(db, listId);
  const rows = await db
    .select()
    .from(recommendationListEditions)
    .where(eq(recommendationListEditions.listId, listId))
    .orderBy(desc(recommendationListEditions.number));
  const ids = [
    ...new Set(
      rows.flatMap((r) => [r.createdById, r.lastEditedById, r.reviewedById, r.publishedById]).filter((v): v is number => v !== null),
    ),
  ];
  const people = ids.length ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)) : [];
  const name = (id: number | null) => (id === null ? null : (people.find((p) => p.id === id)?.name ?? null));
  return rows.map((r) => ({
    number: r.number,
    state: r.state,
    name: r.name,
    items: r.entries.length,
    createdBy: name(r.createdById),
    lastEditedBy: name(r.lastEditedById),
    reviewedBy: name(r.reviewedById),
    publishedBy: r.publishedById === null && r.publishedAt ? "Scheduler" : name(r.publishedById),
    updatedAt: r.updatedAt.toISOString(),
    publishedAt: r.publishedAt?.toISOString() ?? null,
    scheduledFor: r.scheduledFor?.toISOString() ?? null,
  }));
}

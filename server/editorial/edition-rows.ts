import "server-only";
import { and, asc, desc, eq, isNull, lte } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import type { EditionState } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { AnyEditorialType, EditionCore, Reader } from "./define-editorial-type";

/** The newest edition of an item, or null. */
export async function latestEdition<Edition extends EditionCore>(
  db: Reader,
  type: Pick<AnyEditorialType, "editions">,
  itemId: number,
): Promise<Edition | null> {
  const { table, parentId } = type.editions;
  const [row] = await db.select().from(table).where(eq(parentId, itemId)).orderBy(desc(table.number)).limit(1);
  return (row as Edition | undefined) ?? null;
}

/**
 * Moves an edition to another state only if it is still in the state it was
 * read in, so two people (or two scheduler ticks) never both move it.
 */
export async function moveEdition(
  tx: Transaction,
  type: AnyEditorialType,
  edition: EditionCore,
  set: Record<string, unknown> & { state: EditionState },
) {
  const { table } = type.editions;
  const moved = await tx
    .update(table)
    .set(set as never)
    .where(and(eq(table.id, edition.id), eq(table.state, edition.state)))
    .returning({ id: table.id });
  if (moved.length === 0)
    throw new AppError(`conflict:${type.surface}`, `Someone else changed this ${type.noun}'s state a moment ago. Reload to see it.`);
}

export async function updateEdition(tx: Transaction, type: AnyEditorialType, editionId: number, set: Record<string, unknown>) {
  await tx
    .update(type.editions.table)
    .set(set as never)
    .where(eq(type.editions.table.id, editionId));
}

export async function insertEdition(
  tx: Transaction,
  type: AnyEditorialType,
  values: Record<string, unknown>,
): Promise<{ id: number; number: number }> {
  const { table } = type.editions;
  const [row] = await tx
    .insert(table)
    .values(values as never)
    .returning({ id: table.id, number: table.number });
  return row as { id: number; number: number };
}

/** Scheduled editions whose time has come and that have not failed, oldest first. */
export async function dueEditions(db: Reader, type: AnyEditorialType, now: Date): Promise<{ editionId: number; itemId: number }[]> {
  const { table, parentId } = type.editions;
  const rows = await db
    .select({ editionId: table.id, itemId: parentId })
    .from(table)
    .where(and(eq(table.state, "scheduled"), lte(table.scheduledFor, now), isNull(table.scheduleError)))
    .orderBy(asc(table.scheduledFor));
  return rows as { editionId: number; itemId: number }[];
}

export async function editionById<Edition extends EditionCore>(
  db: Reader,
  type: AnyEditorialType,
  editionId: number,
): Promise<Edition | null> {
  const [row] = await db.select().from(type.editions.table).where(eq(type.editions.table.id, editionId)).limit(1);
  return (row as Edition | undefined) ?? null;
}

import "server-only";
import type { Transaction } from "@/db/client";
import { AppError } from "@/lib/errors";
import { EDITABLE_STATES, editLockReason, STATE_LABELS } from "@/lib/workflow";
import type { AnyEditorialType, EditionCore } from "./define-editorial-type";
import { insertEdition, updateEdition } from "./edition-rows";

/** Refuses a save into an edition whose words are locked (in review, approved, scheduled), saying what unlocks them. */
export function assertEditable(type: AnyEditorialType, edition: EditionCore): void {
  const locked = editLockReason(edition.state);
  if (locked) throw new AppError(`conflict:${type.surface}`, locked, { locked: true, state: edition.state });
}

/**
 * The one place a save lands in an edition, for every content type: a
 * published edition stays live and the save starts edition n+1 as a draft; a
 * draft (or one with changes requested) is updated in place; anything else
 * is refused. `fields` are the type's own columns plus lastEditedById and updatedAt.
 */
export async function writeWorkingEdition(
  tx: Transaction,
  type: AnyEditorialType,
  args: { itemId: number; edition: EditionCore; userId: number; now: Date; fields: Record<string, unknown> },
): Promise<{ id: number; number: number }> {
  const { itemId, edition, userId, now, fields } = args;
  assertEditable(type, edition);
  if (edition.state === "published") {
    return insertEdition(tx, type, {
      ...fields,
      [type.editions.parentKey]: itemId,
      number: edition.number + 1,
      state: "draft",
      createdById: userId,
      createdAt: now,
    });
  }
  if (!EDITABLE_STATES.includes(edition.state)) {
    throw new AppError(
      `conflict:${type.surface}`,
      `This version is ${STATE_LABELS[edition.state].toLowerCase()}; return it to draft before editing.`,
    );
  }
  await updateEdition(tx, type, edition.id, fields);
  return { id: edition.id, number: edition.number };
}

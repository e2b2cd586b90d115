import "server-only";
import type { EditionCore, EditorialTypeSpec, ItemCore, PublishContext } from "./define-editorial-type";
import { moveEdition, updateEdition } from "./edition-rows";
import { assertChangeDescribed } from "./steps";

/**
 * Makes `edition` what readers see, exactly once, for any content type: the
 * edition only moves if it is still in the state it was read in, the item's
 * previous public edition is superseded, then the type does what publishing
 * means for it (pointers, search index, snapshots) — all in `tx`.
 */
export async function publishEdition<Item extends ItemCore, Edition extends EditionCore>(
  type: EditorialTypeSpec<Item, Edition>,
  ctx: PublishContext<Item, Edition>,
) {
  const { tx, item, edition, actorId, now } = ctx;
  if (type.isRepublication?.(item)) assertChangeDescribed(type, edition as { changeType?: string | null; changeNote?: string | null });
  await moveEdition(tx, type, edition, {
    state: "published",
    publishedAt: now,
    publishedById: actorId,
    scheduleError: null,
    updatedAt: now,
  });
  if (item.publishedEditionId && item.publishedEditionId !== edition.id) {
    await updateEdition(tx, type, item.publishedEditionId, { state: "superseded" });
  }
  await type.publish(ctx);
}

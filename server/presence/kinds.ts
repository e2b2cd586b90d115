import "server-only";
import type { PresenceKind } from "@/db/schema";
import { can, canEditArticle } from "@/lib/permissions";
import type { CurrentUser } from "../auth/current-user";
import type { EditorialKind, Reader } from "../editorial/define-editorial-type";
import { EDITORIAL_TYPES } from "../editorial/registry";

/**
 * Who may hold each kind's edit lock, given the item loaded under the caller's
 * rights. Keyed by the engine's kinds, so a new editorial type that is not
 * declared here is a type error rather than an item without presence.
 */
const MAY_EDIT: Record<EditorialKind, (user: CurrentUser, item: { authorId?: number | null }) => boolean> = {
  article: (user, item) => canEditArticle(user, { authorId: item.authorId ?? null }),
  list: (user) => can(user, "list:edit"),
};

export type PresenceItem = { kind: PresenceKind; id: number; mayEdit: boolean };

/** The item by id under the engine's own lookup (404 when missing), and whether this caller may edit it. */
export async function loadPresenceItem(db: Reader, user: CurrentUser, kind: PresenceKind, id: number): Promise<PresenceItem> {
  const item = (await EDITORIAL_TYPES[kind].loadForCaller(db, id)) as { id: number; authorId?: number | null };
  return { kind, id: item.id, mayEdit: MAY_EDIT[kind](user, item) };
}

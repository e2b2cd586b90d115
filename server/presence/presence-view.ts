import "server-only";
import { and, asc, eq, gte, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { editLocks, presenceViewers, users, type PresenceKind } from "@/db/schema";
import { isStale, staleBefore, type PresenceView } from "@/lib/presence";
import type { CurrentUser } from "../auth/current-user";
import type { Reader } from "../editorial/define-editorial-type";
import type { PresenceItem } from "./kinds";

const holder = alias(users, "holder");

/** The item's lock row with its holder's display name, stale or not. */
export async function readLock(db: Reader, kind: PresenceKind, itemId: number) {
  const [row] = await db
    .select({
      holderId: editLocks.holderId,
      holder: holder.name,
      since: editLocks.since,
      heartbeatAt: editLocks.heartbeatAt,
      takenOverFromId: editLocks.takenOverFromId,
      takenOverAt: editLocks.takenOverAt,
    })
    .from(editLocks)
    .innerJoin(holder, eq(holder.id, editLocks.holderId))
    .where(and(eq(editLocks.kind, kind), eq(editLocks.itemId, itemId)));
  return row ?? null;
}

/** What this caller's editor shows: the live lock (a stale one is nobody's), who took it from them, who else is here. */
export async function readPresenceView(db: Reader, user: CurrentUser, item: PresenceItem, now: Date): Promise<PresenceView> {
  const found = await readLock(db, item.kind, item.id);
  const lock = found && !isStale(found.heartbeatAt, now) ? found : null;
  const others = await db
    .select({ id: users.id, name: users.name })
    .from(presenceViewers)
    .innerJoin(users, eq(users.id, presenceViewers.userId))
    .where(
      and(
        eq(presenceViewers.kind, item.kind),
        eq(presenceViewers.itemId, item.id),
        gte(presenceViewers.seenAt, staleBefore(now)),
        ne(presenceViewers.userId, user.id),
      ),
    )
    .orderBy(asc(users.name));
  const mine = lock?.holderId === user.id;
  return {
    canEdit: item.mayEdit,
    lock: lock && { holder: lock.holder, since: lock.since.toISOString(), mine },
    takenFromMe:
      lock && !mine && lock.takenOverFromId === user.id && lock.takenOverAt
        ? { by: lock.holder, at: lock.takenOverAt.toISOString() }
        : null,
    viewers: others.filter((v) => v.id !== lock?.holderId).map((v) => v.name),
  };
}

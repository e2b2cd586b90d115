import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { editLocks, presenceViewers, type PresenceKind } from "@/db/schema";
import { presenceRequestSchema, staleBefore, type PresenceView } from "@/lib/presence";
import type { CurrentUser } from "../auth/current-user";
import { defineCommand, type AuthorizeContext } from "../command";
import { loadPresenceItem, type PresenceItem } from "./kinds";
import { readLock, readPresenceView } from "./presence-view";

type Input = typeof presenceRequestSchema._zod.output;
type Place = { tx: Transaction; user: CurrentUser; item: PresenceItem; now: Date };

/** "Still here": one upsert of the viewer row. */
async function markViewing({ tx, user, item, now }: Place) {
  await tx
    .insert(presenceViewers)
    .values({ kind: item.kind, itemId: item.id, userId: user.id, seenAt: now })
    .onConflictDoUpdate({ target: [presenceViewers.kind, presenceViewers.itemId, presenceViewers.userId], set: { seenAt: now } });
}

/**
 * One conditional upsert: the lock becomes (or stays) the caller's when it is
 * free, already theirs, or stale. `since` keeps the holder's first claim; a
 * live lock of someone else's is left alone. True when the caller holds it.
 */
async function claimIfFree({ tx, user, item, now }: Place): Promise<boolean> {
  const claimed = await tx
    .insert(editLocks)
    .values({ kind: item.kind, itemId: item.id, holderId: user.id, since: now, heartbeatAt: now })
    .onConflictDoUpdate({
      target: [editLocks.kind, editLocks.itemId],
      set: {
        since: sql`CASE WHEN ${editLocks.holderId} = excluded.holder_id THEN ${editLocks.since} ELSE excluded.since END`,
        takenOverFromId: sql`CASE WHEN ${editLocks.holderId} = excluded.holder_id THEN ${editLocks.takenOverFromId} ELSE NULL END`,
        takenOverAt: sql`CASE WHEN ${editLocks.holderId} = excluded.holder_id THEN ${editLocks.takenOverAt} ELSE NULL END`,
        holderId: sql`excluded.holder_id`,
        heartbeatAt: sql`excluded.heartbeat_at`,
      },
      setWhere: sql`${editLocks.holderId} = excluded.holder_id OR ${editLocks.heartbeatAt} < ${staleBefore(now).getTime()}`,
    })
    .returning({ holderId: editLocks.holderId });
  return claimed.length > 0;
}

function commandsFor(kind: PresenceKind) {
  const surface = kind;
  const target = (input: Input) => ({ type: kind, id: input.id });
  const authorize = ({ user, input, db }: AuthorizeContext<Input>) => loadPresenceItem(db, user, kind, input.id);
  // What every presence command has in common: anyone in the studio may ask; the item decides the rest.
  const shared = { surface, capability: "studio:use", input: presenceRequestSchema } as const;

  /** A heartbeat: frequent, so no audit entry and no cache tags, ever (unchanged()). */
  const beat = defineCommand({
    action: `${kind}.presence`,
    ...shared,
    authorize,
    target,
    run: async ({ tx, user, input, resource: item, now, unchanged }): Promise<PresenceView> => {
      unchanged();
      const place = { tx, user, item, now };
      // The holder's own row is the lock; only people without it need a viewer row.
      const holds = input.intent === "beat" && item.mayEdit && (await claimIfFree(place));
      if (!holds) await markViewing(place);
      return readPresenceView(tx, user, item, now);
    },
  });

  /** One click takes the lock from whoever holds it; the audit log records from whom. */
  const takeOver = defineCommand({
    action: `${kind}.lock_taken_over`,
    ...shared,
    authorize: async (ctx) => {
      const item = await authorize(ctx);
      if (!item.mayEdit) await ctx.deny("Only someone who may edit this item can take over editing.");
      return item;
    },
    target,
    run: async ({ tx, user, resource: item, now, note, unchanged }): Promise<PresenceView> => {
      const current = await readLock(tx, kind, item.id);
      const from = current && current.holderId !== user.id ? current : null;
      // Nobody else held it (or it was already mine): a plain claim, nothing for the audit log.
      if (!from) unchanged();
      else note({ fromUserId: from.holderId, from: from.holder, heldSince: from.since.toISOString() });
      const lock = { holderId: user.id, heartbeatAt: now, since: from || !current ? now : current.since };
      const taken = { takenOverFromId: from?.holderId ?? null, takenOverAt: from ? now : null };
      await tx
        .insert(editLocks)
        .values({ kind, itemId: item.id, ...lock, ...taken })
        .onConflictDoUpdate({ target: [editLocks.kind, editLocks.itemId], set: from ? { ...lock, ...taken } : lock });
      await tx
        .delete(presenceViewers)
        .where(and(eq(presenceViewers.kind, kind), eq(presenceViewers.itemId, item.id), eq(presenceViewers.userId, user.id)));
      return readPresenceView(tx, user, item, now);
    },
  });

  /** Leaving (best effort, from pagehide): frees the lock if it is the caller's and drops their viewer row. */
  const release = defineCommand({
    action: `${kind}.presence`,
    ...shared,
    authorize,
    target,
    run: async ({ tx, user, resource: item, unchanged }): Promise<null> => {
      unchanged();
      await tx.delete(editLocks).where(and(eq(editLocks.kind, kind), eq(editLocks.itemId, item.id), eq(editLocks.holderId, user.id)));
      await tx
        .delete(presenceViewers)
        .where(and(eq(presenceViewers.kind, kind), eq(presenceViewers.itemId, item.id), eq(presenceViewers.userId, user.id)));
      return null;
    },
  });

  return { beat, watch: beat, take_over: takeOver, release };
}

export const PRESENCE_COMMANDS = { article: commandsFor("article"), list: commandsFor("list") } as const;

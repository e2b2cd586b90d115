import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./people";

/** The content types presence covers: the editorial engine's kinds (server/editorial/registry.ts). */
export const PRESENCE_KINDS = ["article", "list"] as const;

/**
 * The soft edit lock: at most one holder per item. A lock whose heartbeat is
 * older than lib/presence's PRESENCE_STALE_MS is free to claim. It is advice
 * for people, not a guard on saves: the item's version column stays the last
 * line of defence. `takenOverFromId` names whose lock was taken, so that
 * person's next heartbeat can tell them who took it and when.
 */
export const editLocks = sqliteTable(
  "edit_locks",
  {
    kind: text("kind", { enum: PRESENCE_KINDS }).notNull(),
    itemId: integer("item_id").notNull(),
    holderId: integer("holder_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    since: integer("since", { mode: "timestamp_ms" }).notNull(),
    heartbeatAt: integer("heartbeat_at", { mode: "timestamp_ms" }).notNull(),
    takenOverFromId: integer("taken_over_from_id").references(() => users.id, { onDelete: "set null" }),
    takenOverAt: integer("taken_over_at", { mode: "timestamp_ms" }),
  },
  (t) => [primaryKey({ columns: [t.kind, t.itemId] })],
);

/** Who has an item open: one row per person per item, refreshed by every heartbeat. */
export const presenceViewers = sqliteTable(
  "presence_viewers",
  {
    kind: text("kind", { enum: PRESENCE_KINDS }).notNull(),
    itemId: integer("item_id").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    seenAt: integer("seen_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.itemId, t.userId] }), index("presence_viewers_seen_idx").on(t.seenAt)],
);

export type EditLockRow = typeof editLocks.$inferSelect;
export type PresenceKind = (typeof PRESENCE_KINDS)[number];

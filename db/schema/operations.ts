import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { AUDIT_OUTCOMES } from "@/lib/vocabulary";
import { users } from "./people";

/** Who did what, when, and whether it was allowed. Append-only. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    outcome: text("outcome", { enum: AUDIT_OUTCOMES }).notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    ip: text("ip"),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_actor_idx").on(t.actorId, t.at)],
);

/** Small named facts the server keeps about itself (the scheduler's heartbeat, for one). */
export const appState = sqliteTable("app_state", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

/**
 * When each public cache tag last expired, written in the same transaction as the
 * publish, withdrawal, list change or scheduled release that caused it. Every app
 * process reads it before serving cached reads (server/cache/cache-handler.mjs), so
 * an invalidation survives restarts and kill -9 and reaches every process. `seq`
 * grows with every write (SQLite has one writer at a time), so readers fetch only
 * what changed since their last look.
 */
export const cacheTagExpirations = sqliteTable(
  "cache_tag_expirations",
  {
    tag: text("tag").primaryKey(),
    expiredAt: integer("expired_at").notNull(),
    seq: integer("seq").notNull(),
  },
  (t) => [index("cache_tag_expirations_seq_idx").on(t.seq)],
);

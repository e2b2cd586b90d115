import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ROLES } from "@/lib/vocabulary";
import { createdAt } from "./columns";

/** Staff accounts; readers never sign in. */
export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  /** Argon2id PHC string; null for accounts that only sign in through single sign-on. */
  passwordHash: text("password_hash"),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  /** Bumped on deactivation, role or password change: sessions carrying an older value are refused. */
  sessionVersion: integer("session_version").notNull().default(1),
  createdAt: createdAt(),
});

/** Failed sign-in counters per account and per address, in the database so restarts do not reset them. */
export const loginThrottle = sqliteTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: integer("window_started_at", { mode: "timestamp_ms" }).notNull(),
  lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
});

/**
 * One row per sign-in, named by the session id the JWT carries (stored as its
 * SHA-256, so the table alone cannot be turned into a cookie). Signing out
 * revokes that row only; a session also ends at `expiresAt`, a fixed time
 * after sign-in however much it is used. Pruned once expired.
 */
export const authSessions = sqliteTable(
  "auth_sessions",
  {
    idHash: text("id_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("auth_sessions_user_idx").on(t.userId), index("auth_sessions_expires_idx").on(t.expiresAt)],
);

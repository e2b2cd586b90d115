import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

/**
 * How long the outbox remembers: 90 days. One publication to 100,000 subscribers is 100,000
 * delivery rows, so they cannot be kept for ever. Past this age an event goes with its
 * deliveries and pings (by cascade), and digests with it; a withdrawal later than that notifies
 * no one, since who was told is no longer known. Kept messages (no SMTP) are trimmed as they come.
 */
export const MAIL_RETENTION_MS = 90 * 24 * 60 * 60_000;
const CHUNK = 5_000;
const EVERY_MS = 60 * 60_000;

const holder = globalThis as typeof globalThis & { kohoMailPrunedAt?: number };

/** Deletes in chunks, so no single write holds the database for long. At most once an hour per process. */
export async function pruneOldMail(db: Database, now: Date): Promise<number> {
  if (holder.kohoMailPrunedAt && now.getTime() - holder.kohoMailPrunedAt < EVERY_MS) return 0;
  holder.kohoMailPrunedAt = now.getTime();
  const before = now.getTime() - MAIL_RETENTION_MS;
  let removed = 0;
  for (const statement of [
    sql`DELETE FROM mail_deliveries WHERE id IN (
          SELECT d.id FROM mail_deliveries d JOIN outbox_events e ON e.id = d.event_id WHERE e.occurred_at < ${before} LIMIT ${CHUNK})`,
    sql`DELETE FROM mail_deliveries WHERE id IN (SELECT id FROM mail_deliveries WHERE kind IN ('digest', 'confirm') AND created_at < ${before} LIMIT ${CHUNK})`,
    sql`DELETE FROM outbox_events WHERE id IN (SELECT id FROM outbox_events WHERE occurred_at < ${before} ORDER BY id LIMIT 100)`,
  ]) {
    for (;;) {
      const result = await db.run(statement);
      removed += result.rowsAffected;
      if (result.rowsAffected === 0) break;
    }
  }
  return removed;
}

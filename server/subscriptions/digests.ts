import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

const HOUR_MS = 3_600_000;
const TOKYO_OFFSET_MS = 9 * HOUR_MS;

/** The latest moment at or before `now` when it was `hour`:00 in Tokyo (no daylight saving there). */
export function lastDigestMoment(hour: number, now: Date): Date {
  const tokyo = new Date(now.getTime() + TOKYO_OFFSET_MS);
  const midnight = Date.UTC(tokyo.getUTCFullYear(), tokyo.getUTCMonth(), tokyo.getUTCDate()) - TOKYO_OFFSET_MS;
  const moment = midnight + hour * HOUR_MS;
  return new Date(moment > now.getTime() ? moment - 24 * HOUR_MS : moment);
}

/**
 * Queues the daily digests whose hour has come: for each daily subscriber not yet covered up to
 * their latest digest moment, one digest of the items published or changed in their language
 * and categories since the last one (the newest event per item, still published). A subscriber
 * with nothing new gets no message — the period is marked covered and that is all. Keyed by
 * subscriber and moment, so a digest is queued once however often this runs.
 */
export async function queueDueDigests(db: Database, now: Date): Promise<number> {
  // One read for all 24 hours: the oldest uncovered moment per hour, so a round with no hour due (most) writes nothing.
  const hours = await db.all<{ hour: number; oldest: number }>(sql`
    SELECT digest_hour AS hour, min(coalesce(digest_covered_until, confirmed_at)) AS oldest FROM subscribers
     WHERE status = 'confirmed' AND frequency = 'daily' GROUP BY digest_hour`);
  let queued = 0;
  for (const { hour, oldest } of hours) {
    const moment = lastDigestMoment(hour, now).getTime();
    if (oldest >= moment) continue;
    const due = sql`s.status = 'confirmed' AND s.frequency = 'daily' AND s.digest_hour = ${hour}
        AND coalesce(s.digest_covered_until, s.confirmed_at) < ${moment}`;
    queued += await db.transaction(async (tx) => {
      const inserted = await tx.run(sql`
        INSERT INTO mail_deliveries (dedupe_key, kind, subscriber_id, digest_event_ids, status, next_attempt_at)
        SELECT 'digest:' || id || ':' || ${moment}, 'digest', id, ids, 'queued', ${now.getTime()} FROM (
          SELECT s.id AS id, (
            SELECT json_group_array(e.id) FROM outbox_events e JOIN articles a ON a.id = e.article_id
             WHERE e.kind IN ('published', 'updated') AND e.language = s.language AND a.status = 'published'
               AND e.occurred_at > coalesce(s.digest_covered_until, s.confirmed_at) AND e.occurred_at <= ${moment}
               AND (s.all_categories = 1 OR e.category_id IN (SELECT category_id FROM subscriber_categories WHERE subscriber_id = s.id))
               AND e.id = (SELECT max(e2.id) FROM outbox_events e2
                            WHERE e2.article_id = e.article_id AND e2.kind IN ('published', 'updated') AND e2.occurred_at <= ${moment})
          ) AS ids
          FROM subscribers s WHERE ${due}
        ) WHERE ids <> '[]'
        ON CONFLICT (dedupe_key) DO NOTHING`);
      await tx.run(sql`UPDATE subscribers AS s SET digest_covered_until = ${moment} WHERE ${due}`);
      return inserted.rowsAffected;
    });
  }
  return queued;
}

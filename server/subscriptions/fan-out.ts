import "server-only";
import { asc, eq, isNull, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { outboxEvents, type OutboxEventRow } from "@/db/schema";

/** Events expanded per round; each is one transaction however many subscribers it reaches. */
const EVENTS_PER_ROUND = 20;

/**
 * Turns outbox events into one queued delivery per subscriber who should hear of it. Each
 * delivery's key (`<event>:<subscriber>`) is unique, so expanding an event again — after a
 * crash between the insert and the mark, say — adds nothing; the mark and the deliveries
 * commit together. Returns how many deliveries were queued.
 */
export async function fanOutEvents(db: Database, now: Date): Promise<number> {
  const pending = await db
    .select()
    .from(outboxEvents)
    .where(isNull(outboxEvents.fannedOutAt))
    .orderBy(asc(outboxEvents.id))
    .limit(EVENTS_PER_ROUND);
  let queued = 0;
  for (const event of pending) {
    queued += await db.transaction(async (tx) => {
      const added = event.kind === "withdrawn" ? await queueWithdrawalNotices(tx, event, now) : await queueAlerts(tx, event, now);
      await tx.update(outboxEvents).set({ fannedOutAt: now }).where(eq(outboxEvents.id, event.id));
      return added;
    });
  }
  return queued;
}

/** Confirmed subscribers who get each item as it goes out, in the event's language and one of their categories. */
async function queueAlerts(tx: Transaction, event: OutboxEventRow, now: Date): Promise<number> {
  const kind = event.kind === "updated" ? "update" : "alert";
  const result = await tx.run(sql`
    INSERT INTO mail_deliveries (dedupe_key, kind, subscriber_id, event_id, article_id, status, next_attempt_at)
    SELECT ${`${kind}:${event.id}:`} || s.id, ${kind}, s.id, ${event.id}, ${event.articleId}, 'queued', ${now.getTime()}
      FROM subscribers s
     WHERE s.status = 'confirmed' AND s.frequency = 'immediate' AND s.language = ${event.language}
       AND s.confirmed_at <= ${event.occurredAt.getTime()}
       AND (s.all_categories = 1 OR EXISTS (
             SELECT 1 FROM subscriber_categories sc WHERE sc.subscriber_id = s.id AND sc.category_id = ${event.categoryId}))
     ORDER BY s.id
    ON CONFLICT (dedupe_key) DO NOTHING`);
  return result.rowsAffected;
}

/**
 * A withdrawal reaches exactly those who were told about the item — by an alert, an update or
 * a digest that carried it — and no one else. Alerts about it still waiting in the queue are
 * cancelled instead: no one is told of an item that is already gone.
 */
async function queueWithdrawalNotices(tx: Transaction, event: OutboxEventRow, now: Date): Promise<number> {
  await tx.run(sql`
    UPDATE mail_deliveries SET status = 'cancelled', last_error = 'The item was withdrawn before this was sent.', lease_until = NULL
     WHERE article_id = ${event.articleId} AND kind IN ('alert', 'update') AND status = 'queued'`);
  const result = await tx.run(sql`
    INSERT INTO mail_deliveries (dedupe_key, kind, subscriber_id, event_id, article_id, status, next_attempt_at)
    SELECT ${`withdrawal:${event.id}:`} || told.subscriber_id, 'withdrawal', told.subscriber_id, ${event.id}, ${event.articleId}, 'queued', ${now.getTime()}
      FROM (
        SELECT subscriber_id FROM mail_deliveries
         WHERE article_id = ${event.articleId} AND kind IN ('alert', 'update') AND status IN ('sent', 'sending')
        UNION
        SELECT d.subscriber_id FROM mail_deliveries d, json_each(d.digest_event_ids) carried
          JOIN outbox_events e ON e.id = carried.value
         WHERE d.kind = 'digest' AND d.status IN ('sent', 'sending') AND e.article_id = ${event.articleId}
      ) told
     ORDER BY told.subscriber_id
    ON CONFLICT (dedupe_key) DO NOTHING`);
  return result.rowsAffected;
}

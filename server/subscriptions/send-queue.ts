import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { env } from "@/lib/env";
import type { MailKind } from "@/lib/vocabulary";
import type { ClaimedDelivery } from "./compose";
import type { SendOutcome } from "./transport";

const MAX_BACKOFF_MS = 3_600_000;

export function backoffMs(attempt: number): number {
  return Math.min(MAX_BACKOFF_MS, env().MAIL_RETRY_BASE_MS * 2 ** Math.max(0, Math.min(attempt - 1, 20)));
}

/** Deliveries left `sending` by a worker that died go back in the queue, due at once. */
export async function reclaimExpiredLeases(db: Database, now: Date): Promise<number> {
  const result = await db.run(sql`
    UPDATE mail_deliveries SET status = 'queued', next_attempt_at = ${now.getTime()}, lease_until = NULL
     WHERE status = 'sending' AND lease_until < ${now.getTime()}`);
  return result.rowsAffected;
}

/** Takes up to `limit` due deliveries for this worker, oldest due first, in one write. */
export async function claimDeliveries(db: Database, now: Date, limit: number): Promise<ClaimedDelivery[]> {
  const rows = await db.all<{
    id: number;
    kind: MailKind;
    subscriber_id: number;
    event_id: number | null;
    digest_event_ids: string | null;
    attempts: number;
    created_at: number;
  }>(sql`
    UPDATE mail_deliveries SET status = 'sending', lease_until = ${now.getTime() + env().MAIL_LEASE_MS}, attempts = attempts + 1
     WHERE id IN (SELECT id FROM mail_deliveries WHERE status = 'queued' AND next_attempt_at <= ${now.getTime()}
                   ORDER BY next_attempt_at, id LIMIT ${limit})
    RETURNING id, kind, subscriber_id, event_id, digest_event_ids, attempts, created_at`);
  return rows
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      subscriberId: r.subscriber_id,
      eventId: r.event_id,
      digestEventIds: r.digest_event_ids ? (JSON.parse(r.digest_event_ids) as number[]) : null,
      attempts: r.attempts,
      createdAt: new Date(r.created_at),
    }))
    .sort((a, b) => a.id - b.id);
}

/**
 * The one window SMTP cannot make atomic: the receiving server has answered 250 (it has the
 * message) but the worker dies before its "sent" is committed — at most RECORD_EVERY_MS plus one
 * commit later (server/subscriptions/worker.ts). Those few deliveries are still `sending`; when
 * their lease runs out they are handed over again, with the same Message-ID, so the receiver
 * gets a duplicate it can recognise. Nothing is ever lost; only that window can repeat.
 */
export type DeliveryResult = { id: number; subscriberId: number; attempts: number; outcome: SendOutcome | { skip: string } };

/**
 * Writes a batch's answers in one transaction. Sent is final. A refusal for good (5xx) fails
 * the message and counts a bounce against the address. Anything else tries again later, with a
 * delay that doubles, until MAIL_MAX_ATTEMPTS; an outage (no SMTP server answering) does not use
 * up an attempt, so a long outage delays mail but never fails it.
 */
export async function recordResults(db: Database, results: DeliveryResult[], now: Date): Promise<void> {
  if (results.length === 0) return;
  const t = now.getTime();
  const sent = results.filter((r) => "ok" in r.outcome && r.outcome.ok).map((r) => r.id);
  await db.transaction(async (tx) => {
    if (sent.length) {
      await tx.run(sql`UPDATE mail_deliveries SET status = 'sent', sent_at = ${t}, lease_until = NULL, last_error = NULL
                        WHERE id IN (${sql.join(
                          sent.map((id) => sql`${id}`),
                          sql`, `,
                        )})`);
    }
    for (const { id, subscriberId, attempts, outcome } of results) {
      if ("skip" in outcome) {
        await tx.run(
          sql`UPDATE mail_deliveries SET status = 'cancelled', last_error = ${outcome.skip}, lease_until = NULL WHERE id = ${id}`,
        );
      } else if (outcome.ok) {
        continue;
      } else if (outcome.permanent) {
        await tx.run(
          sql`UPDATE mail_deliveries SET status = 'failed', last_error = ${outcome.reason}, lease_until = NULL WHERE id = ${id}`,
        );
        await tx.run(sql`UPDATE subscribers SET bounce_count = bounce_count + 1, last_bounce_at = ${t}, last_bounce_reason = ${outcome.reason}
                          WHERE id = ${subscriberId}`);
      } else if (!outcome.outage && attempts >= env().MAIL_MAX_ATTEMPTS) {
        await tx.run(
          sql`UPDATE mail_deliveries SET status = 'failed', last_error = ${`Gave up after ${attempts} attempts: ${outcome.reason}`}, lease_until = NULL WHERE id = ${id}`,
        );
      } else {
        const attemptsLeft = outcome.outage ? attempts - 1 : attempts;
        await tx.run(sql`UPDATE mail_deliveries SET status = 'queued', attempts = ${attemptsLeft}, next_attempt_at = ${t + backoffMs(Math.max(1, attemptsLeft))},
                                 last_error = ${outcome.reason}, lease_until = NULL WHERE id = ${id}`);
      }
    }
  });
}

import "server-only";
import type { Transaction } from "@/db/client";
import { mailDeliveries } from "@/db/schema";

/**
 * Queues the double opt-in message for a pending subscriber: the only message an address gets
 * before its owner follows the link. Each request makes its own (the key carries the moment), so
 * a lost confirmation can be asked for again; the subscribe form's rate limits bound how often.
 */
export async function queueConfirmation(tx: Transaction, subscriberId: number, now: Date) {
  await tx
    .insert(mailDeliveries)
    .values({ dedupeKey: `confirm:${subscriberId}:${now.getTime()}`, kind: "confirm", subscriberId, nextAttemptAt: now })
    .onConflictDoNothing();
}

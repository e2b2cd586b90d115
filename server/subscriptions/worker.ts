import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import type { Database } from "@/db/client";
import { env } from "@/lib/env";
import { getDatabase } from "../db";
import { composeMail, loadBatchContext } from "./compose";
import { queueDueDigests } from "./digests";
import { fanOutEvents } from "./fan-out";
import { backoffMs, claimDeliveries, reclaimExpiredLeases, recordResults, type DeliveryResult } from "./send-queue";
import { openMailTransport, type MailTransport } from "./transport";
import { pruneOldMail } from "./retention";
import { queueFeedPings, sendDuePings } from "./websub";

const BATCH = 200;

export type DrainReport = {
  queued: number;
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
  pings: number;
  outage: boolean;
};

// One pooled transport per process and SMTP_URL, kept across rounds (and dev reloads).
const holder = globalThis as typeof globalThis & { kohoMailTransport?: { key: string; transport: MailTransport } };

function transportFor(db: Database): MailTransport {
  const key = env().SMTP_URL ?? "kept";
  if (holder.kohoMailTransport?.key !== key) {
    holder.kohoMailTransport?.transport.close();
    holder.kohoMailTransport = { key, transport: openMailTransport(db) };
  }
  return holder.kohoMailTransport.transport;
}

/** Answers are written this often while a batch is out, so a hand-over is recorded within ~25 ms of the server's 250. */
const RECORD_EVERY_MS = 25;

/**
 * Sends one claimed batch: every message handed to the pool at once, each answer written as it
 * comes (in small group commits), not when the whole batch is done — a worker that dies mid-batch
 * leaves only the last few milliseconds' hand-overs unrecorded (see send-queue.ts).
 */
async function sendBatch(db: Database, transport: MailTransport, now: () => Date, report: DrainReport): Promise<number> {
  const batch = await claimDeliveries(db, now(), BATCH);
  if (batch.length === 0) return 0;
  const context = await loadBatchContext(db, batch);
  const pending: DeliveryResult[] = [];
  let writes = Promise.resolve();
  const record = () => {
    const chunk = pending.splice(0);
    if (chunk.length === 0) return writes;
    writes = writes
      .then(() => recordResults(db, chunk, now()))
      .catch((error) => console.error("Could not record mail results; their leases will expire and they go again", error));
    return writes;
  };
  const timer = setInterval(record, RECORD_EVERY_MS);
  try {
    await Promise.all(
      batch.map(async (delivery) => {
        const mail = composeMail(delivery, context);
        const outcome = "skip" in mail ? mail : await transport.send(mail);
        pending.push({ id: delivery.id, subscriberId: delivery.subscriberId, attempts: delivery.attempts, outcome });
        tally(report, outcome);
      }),
    );
  } finally {
    clearInterval(timer);
    await record();
  }
  return batch.length;
}

function tally(report: DrainReport, outcome: DeliveryResult["outcome"]) {
  if ("skip" in outcome) report.skipped++;
  else if (outcome.ok) report.sent++;
  else if (outcome.permanent) report.failed++;
  else {
    report.retried++;
    if (outcome.outage) report.outage = true;
  }
}

/**
 * One round of the outbox: queue what events and digests call for, ping feed hubs, then send
 * until the queue is empty, the SMTP server stops answering, or `budgetMs` is spent.
 * Safe to run in several processes at once: every step claims its rows in a single write.
 */
export async function drainOutbox({
  budgetMs = 10_000,
  now = () => new Date(),
}: { budgetMs?: number; now?: () => Date } = {}): Promise<DrainReport> {
  const db = await getDatabase();
  const started = Date.now();
  const report: DrainReport = { queued: 0, sent: 0, retried: 0, failed: 0, skipped: 0, pings: 0, outage: false };
  await reclaimExpiredLeases(db, now());
  await pruneOldMail(db, now());
  report.queued += await fanOutEvents(db, now());
  report.queued += await queueDueDigests(db, now());
  await queueFeedPings(db, now());
  report.pings = (await sendDuePings(db, now())).sent;
  const transport = transportFor(db);
  while (Date.now() - started < budgetMs && !report.outage) {
    // New events may arrive while a long send runs: expand them between batches so alerts stay prompt.
    report.queued += await fanOutEvents(db, now());
    if ((await sendBatch(db, transport, now, report)) === 0) break;
  }
  return report;
}

/**
 * The worker as a loop, for `npm run outbox:worker` and the bench: a round, then a pause when
 * there was nothing left to do, a longer one (doubling, as the messages' own retries do) while
 * the SMTP server is unreachable.
 */
export async function runOutboxWorker({
  signal,
  intervalMs = env().OUTBOX_INTERVAL_MS,
}: { signal?: AbortSignal; intervalMs?: number } = {}) {
  let outages = 0;
  while (!signal?.aborted) {
    let report: DrainReport | null = null;
    try {
      report = await drainOutbox({ budgetMs: 30_000 });
      if (report.sent || report.failed || report.retried) {
        console.info(
          `outbox: ${report.sent} sent, ${report.retried} to retry, ${report.failed} failed${report.outage ? " (SMTP server unreachable)" : ""}`,
        );
      }
    } catch (error) {
      console.error("outbox round failed", error);
    }
    outages = report?.outage ? outages + 1 : 0;
    const busy = report && !report.outage && report.sent + report.skipped + report.failed > 0;
    if (busy) continue;
    await sleep(outages ? Math.min(backoffMs(outages), 60_000) : intervalMs, undefined, { signal }).catch(() => {});
  }
  holder.kohoMailTransport?.transport.close();
  holder.kohoMailTransport = undefined;
}

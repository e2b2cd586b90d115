import "server-only";
import { asc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { categories, outboxEvents, websubPings, type OutboxEventRow } from "@/db/schema";
import { env } from "@/lib/env";
import { absoluteFeedUrls } from "@/lib/feeds/links";

/** Events turned into pings per call; each is its own small transaction. */
const EVENTS_PER_ROUND = 50;
/** Pings claimed per call. Topics repeat across events, so this is usually a handful of POSTs. */
const PINGS_PER_ROUND = 60;
/** POSTs in flight at once, and how long each may take before it counts as a failure. */
const CONCURRENT_POSTS = 6;
const POST_TIMEOUT_MS = 10_000;
/** Longer than a whole round of POSTs can take (PINGS_PER_ROUND / CONCURRENT_POSTS × timeout), so a live worker keeps its claim. */
const LEASE_MS = 5 * 60_000;
const MAX_BACKOFF_MS = 3_600_000;

/**
 * The feeds an event changes, by the address each advertises as its rel="self" — the topic a
 * hub knows it by: the site-wide RSS, Atom and JSON feeds of the event's language and the same
 * three of its category. A language the site no longer publishes in has no feeds.
 */
function feedTopics(event: OutboxEventRow, categorySlug: string | null): string[] {
  const { SITE_URL, SITE_LANGUAGES } = env();
  if (!SITE_LANGUAGES.some((l) => l.code === event.language)) return [];
  const sets = [absoluteFeedUrls(SITE_URL, undefined, event.language, SITE_LANGUAGES)];
  if (categorySlug) sets.push(absoluteFeedUrls(SITE_URL, categorySlug, event.language, SITE_LANGUAGES));
  return sets.flatMap((urls) => [urls.rss, urls.atom, urls.json]);
}

/**
 * Turns outbox events into one queued ping per affected feed. A ping's (event, topic) is unique,
 * so an event expanded twice (a crash between the insert and the mark, two workers) still pings
 * each feed once; the pings and the mark commit together. With no hub configured there is
 * nothing to ping and events are only marked. Returns how many pings were queued.
 */
export async function queueFeedPings(db: Database, now: Date): Promise<number> {
  if (!env().WEBSUB_HUB_URL) {
    await db.update(outboxEvents).set({ pingsQueuedAt: now }).where(isNull(outboxEvents.pingsQueuedAt));
    return 0;
  }
  const pending = await db
    .select()
    .from(outboxEvents)
    .where(isNull(outboxEvents.pingsQueuedAt))
    .orderBy(asc(outboxEvents.id))
    .limit(EVENTS_PER_ROUND);
  let queued = 0;
  for (const event of pending) {
    queued += await db.transaction(async (tx) => {
      const [category] =
        event.categoryId === null
          ? []
          : await tx.select({ slug: categories.slug }).from(categories).where(eq(categories.id, event.categoryId));
      const topics = feedTopics(event, category?.slug ?? null);
      const inserted = topics.length
        ? await tx
            .insert(websubPings)
            .values(topics.map((topic) => ({ eventId: event.id, topic, nextAttemptAt: now })))
            .onConflictDoNothing({ target: [websubPings.eventId, websubPings.topic] })
        : { rowsAffected: 0 };
      await tx.update(outboxEvents).set({ pingsQueuedAt: now }).where(eq(outboxEvents.id, event.id));
      return inserted.rowsAffected;
    });
  }
  return queued;
}

type ClaimedPing = { id: number; topic: string; attempts: number };
type PingOutcome = { ok: true; status: number } | { ok: false; reason: string };

/** Takes due pings — queued and due, or left `sending` by a worker whose lease ran out — in one write. */
async function claimPings(db: Database, now: Date): Promise<ClaimedPing[]> {
  const t = now.getTime();
  return db.all<ClaimedPing>(sql`
    UPDATE websub_pings SET status = 'sending', lease_until = ${t + LEASE_MS}, attempts = attempts + 1
     WHERE id IN (SELECT id FROM websub_pings
                   WHERE (status = 'queued' AND next_attempt_at <= ${t}) OR (status = 'sending' AND lease_until < ${t})
                   ORDER BY next_attempt_at, id LIMIT ${PINGS_PER_ROUND})
    RETURNING id, topic, attempts`);
}

/** WebSub §7 publish notification: hub.url is what hubs read (PubSubHubbub 0.4); hub.topic is sent too for those that read it instead. */
async function postPublish(hub: string, topic: string): Promise<PingOutcome> {
  try {
    const response = await fetch(hub, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ "hub.mode": "publish", "hub.url": topic, "hub.topic": topic }),
      signal: AbortSignal.timeout(POST_TIMEOUT_MS),
    });
    const text = (await response.text().catch(() => "")).trim().slice(0, 200);
    if (response.ok) return { ok: true, status: response.status };
    return { ok: false, reason: `HTTP ${response.status}${text ? `: ${text}` : ""}` };
  } catch (error) {
    const cause = (error as Error & { cause?: { code?: string } }).cause?.code;
    return {
      ok: false,
      reason: `${(error as Error).name === "TimeoutError" ? `No answer in ${POST_TIMEOUT_MS} ms` : (error as Error).message}${cause ? ` (${cause})` : ""}`,
    };
  }
}

const backoffMs = (attempt: number) => Math.min(MAX_BACKOFF_MS, env().MAIL_RETRY_BASE_MS * 2 ** Math.max(0, Math.min(attempt - 1, 20)));

/** Writes one topic's answer to every ping that asked for it: sent, or queued again with a doubled delay, or failed for good. */
async function recordOutcome(db: Database, hub: string, topic: string, pings: ClaimedPing[], outcome: PingOutcome, now: Date) {
  const t = now.getTime();
  const ids = sql.join(
    pings.map((p) => sql`${p.id}`),
    sql`, `,
  );
  if (outcome.ok) {
    await db.run(sql`UPDATE websub_pings SET status = 'sent', sent_at = ${t}, lease_until = NULL, last_error = NULL
                      WHERE id IN (${ids}) AND status = 'sending'`);
    console.info(`websub: ${hub} accepted ${topic} (HTTP ${outcome.status}, ${pings.length} event(s))`);
    return { sent: pings.length, failed: 0 };
  }
  const max = env().MAIL_MAX_ATTEMPTS;
  let failed = 0;
  await db.transaction(async (tx) => {
    for (const { id, attempts } of pings) {
      if (attempts >= max) {
        failed++;
        await tx.run(sql`UPDATE websub_pings SET status = 'failed', last_error = ${`Gave up after ${attempts} attempts: ${outcome.reason}`},
                                 lease_until = NULL WHERE id = ${id} AND status = 'sending'`);
      } else {
        await tx.run(sql`UPDATE websub_pings SET status = 'queued', next_attempt_at = ${t + backoffMs(attempts)}, last_error = ${outcome.reason},
                                 lease_until = NULL WHERE id = ${id} AND status = 'sending'`);
      }
    }
  });
  const attempts = Math.max(...pings.map((p) => p.attempts));
  const next = failed === pings.length ? "giving up" : `retrying in ${backoffMs(attempts)} ms`;
  console.warn(`websub: ping of ${hub} for ${topic} failed (attempt ${attempts} of ${max}): ${outcome.reason}; ${next}`);
  return { sent: 0, failed };
}

/**
 * Sends the due pings: one POST per topic however many events asked for it (they all want the
 * hub to fetch the same feed again), a few topics at a time. `sent` counts pings marked sent,
 * `failed` those given up on after MAIL_MAX_ATTEMPTS; the rest wait for their next attempt.
 * With no hub configured nothing is claimed, so queued pings wait for one.
 */
export async function sendDuePings(db: Database, now: Date): Promise<{ sent: number; failed: number }> {
  const hub = env().WEBSUB_HUB_URL;
  if (!hub) return { sent: 0, failed: 0 };
  const claimed = await claimPings(db, now);
  const byTopic = Map.groupBy(claimed, (p) => p.topic);
  const topics = [...byTopic.keys()];
  const total = { sent: 0, failed: 0 };
  for (let i = 0; i < topics.length; i += CONCURRENT_POSTS) {
    const results = await Promise.all(
      topics.slice(i, i + CONCURRENT_POSTS).map(async (topic) => {
        const pings = byTopic.get(topic)!;
        return recordOutcome(db, hub, topic, pings, await postPublish(hub, topic), now);
      }),
    );
    for (const r of results) {
      total.sent += r.sent;
      total.failed += r.failed;
    }
  }
  return total;
}

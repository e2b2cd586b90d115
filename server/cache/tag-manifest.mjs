// @ts-check
import { createClient } from "@libsql/client";

/**
 * This process's view of cache_tag_expirations (written by server/cache-invalidation.ts in
 * the same transaction as each publish). Plain JS: Next imports cache handlers at run time,
 * outside its bundler.
 *
 * An entry is stale when its tag's expiry is later than the entry's timestamp (when its
 * computation started). A row's expired_at is stamped inside the transaction, a moment
 * BEFORE it commits; an entry computed in that moment would read the old data yet look
 * newer. So a row seen by a later poll counts from when this process first saw it (after the
 * commit, hence after any such entry started), and rows present at start-up count from
 * expired_at plus the longest a commit can wait for the write lock.
 */
const COMMIT_WAIT_MS = 5_000;

/**
 * How old this process's view may be before a request polls again (KOHO_TAG_POLL_MS, default
 * 50). Under load one poll per request was most of a cache hit's database time; one per 50 ms
 * is at most 20 indexed queries a second, whatever the load. A publish in THIS process is
 * effective at once (expireLocally), one in another process within this window, and the proxy
 * refresh waits this long before it asks another process for fresh pages
 * (server/cache/proxy-refresh.ts), so it is part of publish → visible. 0 polls on every request.
 */
const POLL_INTERVAL_MS = Number(process.env.KOHO_TAG_POLL_MS ?? 50);

/** @param {{ url: string, authToken?: string }} options */
export function createTagManifest({ url, authToken }) {
  /** @type {Map<string, number>} */
  const expiries = new Map();
  /** @type {import("@libsql/client").Client | undefined} */
  let client;
  let lastSeq = -1;
  /** @type {Promise<void> | undefined} */
  let inFlight;
  let warned = false;
  /** When the last successful poll started: rows committed before then are in `expiries`. */
  let polledAt = -Infinity;

  async function poll() {
    client ??= createClient({ url, authToken });
    const startedAt = Date.now();
    const first = lastSeq < 0;
    const result = await client.execute({
      sql: "SELECT tag, expired_at, seq FROM cache_tag_expirations WHERE seq > ? ORDER BY seq",
      args: [Math.max(lastSeq, 0)],
    });
    const seenAt = Date.now();
    for (const row of result.rows) {
      const at = first ? Number(row.expired_at) + COMMIT_WAIT_MS : Math.max(Number(row.expired_at), seenAt);
      expiries.set(String(row.tag), Math.max(expiries.get(String(row.tag)) ?? 0, at));
      lastSeq = Math.max(lastSeq, Number(row.seq));
    }
    if (first) lastSeq = Math.max(lastSeq, 0);
    polledAt = startedAt;
  }

  return {
    /**
     * One indexed query when the view is older than POLL_INTERVAL_MS (concurrent requests share
     * it). If the database cannot be read the error propagates: serving possibly stale entries
     * silently is worse.
     */
    refresh() {
      if (!inFlight && Date.now() - polledAt < POLL_INTERVAL_MS) return Promise.resolve();
      inFlight ??= poll()
        .catch((error) => {
          if (!warned) console.error("cache: could not read cache_tag_expirations", error);
          warned = true;
          throw error;
        })
        .finally(() => {
          inFlight = undefined;
        });
      return inFlight;
    },
    /** After refresh() has run once (or a local updateTags), the latest expiry of these tags. */
    expiryOf(/** @type {string[]} */ tags) {
      let max = 0;
      for (const tag of tags) max = Math.max(max, expiries.get(tag) ?? 0);
      return max;
    },
    /** revalidateTag in this process: effective here at once; the durable row was written in the transaction. */
    expireLocally(/** @type {string[]} */ tags, /** @type {number} */ at) {
      for (const tag of tags) expiries.set(tag, Math.max(expiries.get(tag) ?? 0, at));
    },
    get ready() {
      return lastSeq >= 0;
    },
  };
}

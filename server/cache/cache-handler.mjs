// @ts-check
/**
 * Kōhō's handler for "use cache" (next.config.ts `cacheHandlers.default`). Our own thin
 * handler rather than a library: the Redis cache-handler libraries keep tag state in Redis
 * or in memory, and here the truth about invalidation must be the SQLite row written in the
 * publishing transaction (so it survives kill -9 between commit and revalidateTag). Entries
 * go to a byte-bounded in-process LRU, or to Redis when REDIS_URL is set (shared by every
 * process); either way each request first reads what expired since its last look.
 *
 * Contract: node_modules/next/dist/server/lib/cache-handlers/types.d.ts.
 */
import { createMemoryStore, createRedisStore } from "./entry-stores.mjs";
import { createTagManifest } from "./tag-manifest.mjs";

/** Bytes of entries this process may hold in memory (KOHO_CACHE_MAX_MB, default 64). */
const maxBytes = Number(process.env.KOHO_CACHE_MAX_MB || 64) * 1024 * 1024;
// A build reads no database: nothing it might cache is kept, and no tags are read.
const building = process.env.NEXT_PHASE === "phase-production-build";

const manifest = createTagManifest({ url: process.env.DATABASE_URL || "file:data/koho.db", authToken: process.env.DATABASE_AUTH_TOKEN });
// The same view of tag expiries for in-process memos outside "use cache" (server/cache/tag-checked-memo.ts:
// the proxy's 404 answers, route bodies), which Next's bundle reaches only through globalThis.
// Absent during a build, so nothing is memoised then.
if (!building) Object.assign(globalThis, { [Symbol.for("koho.cache.tagManifest")]: manifest });
/** @type {Promise<import("./entry-stores.mjs").EntryStore>} */
const store =
  process.env.REDIS_URL && !building
    ? createRedisStore(process.env.REDIS_URL).catch((error) => {
        console.error("cache: REDIS_URL set but Redis is unreachable; caching in memory only", error.message);
        return createMemoryStore(maxBytes);
      })
    : Promise.resolve(createMemoryStore(maxBytes));

const MIN_STORED_REVALIDATE_S = 300;

/** A get for a key whose set is still running waits for it (the interface requires it). */
/** @type {Map<string, Promise<void>>} */
const pendingSets = new Map();

/**
 * The stream's bytes in a buffer of exactly their size. Not Buffer.concat: small results come
 * from Node's shared pool, and a 15-byte "not found" entry then kept a whole 64 KB slab alive
 * (10,000 junk URLs grew the process by hundreds of MB behind a 64 MB limit).
 * @param {ReadableStream<Uint8Array>} stream
 */
async function toBuffer(stream) {
  const chunks = [];
  let length = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.byteLength;
  }
  const buffer = Buffer.allocUnsafeSlow(length);
  let offset = 0;
  for (const chunk of chunks) {
    buffer.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return buffer;
}

/** @param {Buffer} buffer @returns {ReadableStream<Uint8Array>} */
function toStream(buffer) {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new Uint8Array(buffer));
      controller.close();
    },
  });
}

async function ensureFresh() {
  if (building) return;
  await manifest.refresh();
}

/** @type {import("next/dist/server/lib/cache-handlers/types").CacheHandler} */
const handler = {
  async get(cacheKey, softTags) {
    if (building) return undefined;
    await pendingSets.get(cacheKey);
    if (!manifest.ready) await ensureFresh();
    const stored = await (await store).get(cacheKey);
    if (!stored) return undefined;
    const { meta, value } = stored;
    // Like Next's default handler in production: past `revalidate` an entry is a miss.
    if (Date.now() > meta.timestamp + meta.revalidate * 1000) return undefined;
    if (manifest.expiryOf([...meta.tags, ...softTags]) > meta.timestamp) return undefined;
    return { ...meta, value: toStream(value) };
  },

  async set(cacheKey, pendingEntry) {
    /** @type {() => void} */
    let done = () => {};
    pendingSets.set(cacheKey, new Promise((resolve) => (done = () => resolve(undefined))));
    try {
      const entry = await pendingEntry;
      const value = await toBuffer(entry.value);
      // expire 0 marks a dynamic entry that Next never serves back; a build keeps nothing.
      // Entries that would be stale within minutes (here only "nothing at this address", see
      // server/public/article.ts) are one indexed query to redo: storing them would let junk
      // URLs fill the store.
      if (building || entry.expire === 0 || entry.revalidate < MIN_STORED_REVALIDATE_S) return;
      const meta = { tags: entry.tags, stale: entry.stale, timestamp: entry.timestamp, expire: entry.expire, revalidate: entry.revalidate };
      const ttlMs = Math.min(entry.revalidate, entry.expire) * 1000;
      await (await store).set(cacheKey, { meta, value }, ttlMs);
    } catch {
      // A failed render or stream is simply not cached; the next request renders again.
    } finally {
      pendingSets.delete(cacheKey);
      done();
    }
  },

  async refreshTags() {
    await ensureFresh();
  },

  async getExpiration(tags) {
    return manifest.expiryOf(tags);
  },

  async updateTags(tags) {
    manifest.expireLocally(tags, Date.now());
  },
};

export default handler;

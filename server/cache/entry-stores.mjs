// @ts-check
/**
 * Where "use cache" entries live: a byte-bounded LRU in this process, or Redis shared by
 * every process (REDIS_URL). An entry is stored as its metadata (JSON) and its bytes.
 * @typedef {{ tags: string[], stale: number, timestamp: number, expire: number, revalidate: number }} EntryMeta
 * @typedef {{ meta: EntryMeta, value: Buffer }} StoredEntry
 * @typedef {{ get(key: string): Promise<StoredEntry | undefined>, set(key: string, entry: StoredEntry, ttlMs: number): Promise<void> }} EntryStore
 */

/** @param {number} maxBytes @returns {EntryStore} */
export function createMemoryStore(maxBytes) {
  /** Map keeps insertion order: re-inserting on read makes the first key the least recently used. */
  /** @type {Map<string, StoredEntry & { size: number, until: number }>} */
  const entries = new Map();
  let bytes = 0;
  const drop = (/** @type {string} */ key) => {
    const old = entries.get(key);
    if (old) {
      bytes -= old.size;
      entries.delete(key);
    }
  };
  return {
    async get(key) {
      const hit = entries.get(key);
      if (!hit) return undefined;
      if (hit.until < Date.now()) return void drop(key);
      entries.delete(key);
      entries.set(key, hit);
      return hit;
    },
    async set(key, entry, ttlMs) {
      drop(key);
      const size = entry.value.byteLength + key.length * 2 + 512;
      if (size > maxBytes) return;
      entries.set(key, { ...entry, size, until: Date.now() + ttlMs });
      bytes += size;
      for (const oldest of entries.keys()) {
        if (bytes <= maxBytes) break;
        drop(oldest);
      }
    },
  };
}

/**
 * Redis through the `redis` client. Keys carry a prefix so one Redis can serve several sites;
 * every key has a TTL (the entry's own lifetime), and Redis should run with maxmemory and
 * allkeys-lru so junk cannot grow it without bound. A Redis outage is a cache miss, not an error page.
 * @param {string} url @returns {Promise<EntryStore>}
 */
export async function createRedisStore(url, prefix = "koho:uc:") {
  const { createClient, RESP_TYPES } = await import("redis");
  const base = createClient({ url, socket: { reconnectStrategy: (retries) => Math.min(retries * 100, 2_000) } });
  base.on("error", (error) => console.error("cache: redis", error.message));
  await base.connect();
  const client = base.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
  return {
    async get(key) {
      const raw = await client.get(prefix + key).catch(() => null);
      if (!raw) return undefined;
      const buffer = Buffer.from(raw);
      const metaLength = buffer.readUInt32BE(0);
      const meta = JSON.parse(buffer.subarray(4, 4 + metaLength).toString("utf8"));
      return { meta, value: buffer.subarray(4 + metaLength) };
    },
    async set(key, entry, ttlMs) {
      const meta = Buffer.from(JSON.stringify(entry.meta), "utf8");
      const head = Buffer.alloc(4);
      head.writeUInt32BE(meta.byteLength, 0);
      await client
        .set(prefix + key, Buffer.concat([head, meta, entry.value]), { expiration: { type: "PX", value: Math.max(1, Math.round(ttlMs)) } })
        .catch(() => {});
    },
  };
}

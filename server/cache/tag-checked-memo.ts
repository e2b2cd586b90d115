import "server-only";

/** What server/cache/cache-handler.mjs publishes on globalThis: its view of cache_tag_expirations. */
type TagManifest = { refresh(): Promise<void>; expiryOf(tags: string[]): number };

const MANIFEST = Symbol.for("koho.cache.tagManifest");

function tagManifest(): TagManifest | undefined {
  return (globalThis as Record<symbol, TagManifest | undefined>)[MANIFEST];
}

type Entry<V> = { value: V; at: number; tags: string[] };

/**
 * An in-process memo for work that runs outside "use cache" on every request (the proxy's 404
 * question, whole public pages, route handlers' finished bodies), checked against the same tag
 * expiries as the "use cache" entries: a value is served only while none of its tags expired
 * since its computation STARTED (as cache-handler.mjs stamps entries), so a publish is
 * effective here at once and one in another process as soon as the shared manifest has polled.
 *
 * Without the cache handler (tests, scripts, a build) nothing is memoised. At most
 * `maxEntries` values, least recently used dropped first; `keep` decides which values are
 * worth storing (callers keep only answers about things that exist, so junk cannot fill it).
 */
export function createTagCheckedMemo<V>({ maxEntries, keep = () => true }: { maxEntries: number; keep?: (value: V) => boolean }) {
  const entries = new Map<string, Entry<V>>();
  const filling = new Map<string, Promise<V | undefined>>();

  /** The stored value while it is fresh; undefined when there is none (or no cache handler). */
  async function peek(key: string): Promise<V | undefined> {
    const manifest = tagManifest();
    const hit = entries.get(key);
    if (!manifest || !hit) return undefined;
    await manifest.refresh();
    entries.delete(key);
    if (manifest.expiryOf(hit.tags) >= hit.at) return undefined;
    entries.set(key, hit); // most recently used last
    return hit.value;
  }

  /** Computes and, when `keep` says so and a cache handler is running, stores the value. */
  async function fill(key: string, tags: string[], compute: () => Promise<V>): Promise<V> {
    const at = Date.now();
    const value = await compute();
    if (tagManifest() && keep(value)) {
      entries.delete(key);
      entries.set(key, { value, at, tags });
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(oldest);
      }
    }
    return value;
  }

  return {
    peek,
    fill,
    /** How many fillShared computations are running now, and whether one runs for `key`. */
    filling: { count: () => filling.size, has: (key: string) => filling.has(key) },
    /** The fresh stored value, else computed now (and stored). */
    async get(key: string, tags: string[], compute: () => Promise<V>): Promise<V> {
      if (!tagManifest()) return compute();
      await tagManifest()!.refresh(); // before peek's check even on a first read: the view must be current
      const hit = await peek(key);
      return hit !== undefined ? hit : fill(key, tags, compute);
    },
    /**
     * fill(), once per key at a time: a caller that comes while one runs gets that one's promise,
     * so a rush on one address costs one computation. Undefined when it failed (the key stays
     * unfilled) or when no cache handler is running (nothing is computed then).
     */
    fillShared(key: string, tags: string[], compute: () => Promise<V>): Promise<V | undefined> {
      if (!tagManifest()) return Promise.resolve(undefined);
      const running = filling.get(key);
      if (running) return running;
      const promise = fill(key, tags, compute)
        .catch(() => undefined)
        .finally(() => filling.delete(key));
      filling.set(key, promise);
      return promise;
    },
  };
}

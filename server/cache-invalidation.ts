import "server-only";
import { sql } from "drizzle-orm";
import { revalidateTag } from "next/cache";
import { after } from "next/server";
import type { Database, Transaction } from "@/db/client";
import { cacheTags } from "@/lib/cache-tags";
import { env } from "@/lib/env";
import { refreshProxy } from "./cache/proxy-refresh";

/** The public cache tags a change to one article's public state touches. */
export function publicTagsForArticle(slug: string, translationGroupId?: number): string[] {
  const tags = [cacheTags.publicListings, cacheTags.article(slug), cacheTags.recommendations];
  return translationGroupId === undefined ? tags : [...tags, cacheTags.translationGroup(translationGroupId)];
}

/**
 * Records that these tags expire, INSIDE the transaction of the change that causes it,
 * so the expiry commits (or rolls back) with the change itself. Every app process reads
 * cache_tag_expirations before serving a cached read (server/cache/cache-handler.mjs):
 * a restart, a kill -9 between commit and expirePublicTags, or another process all see it.
 * Wall-clock time, not the command's `now`, because cache entries are stamped with it.
 * `seq` is max+1: SQLite has one writer at a time, so it grows in commit order.
 */
export async function recordTagExpirations(tx: Transaction | Database, tags: string[]): Promise<void> {
  const now = Date.now();
  for (const tag of new Set(tags)) {
    await tx.run(sql`
      INSERT INTO cache_tag_expirations (tag, expired_at, seq)
      VALUES (${tag}, ${now}, (SELECT coalesce(max(seq), 0) + 1 FROM cache_tag_expirations))
      ON CONFLICT (tag) DO UPDATE SET expired_at = max(expired_at, excluded.expired_at), seq = excluded.seq`);
  }
}

/**
 * Expire tags now (not stale-while-revalidate): after a publish, withdrawal or
 * scheduled release the very next reader must see it. Works in server actions
 * and route handlers alike. The durable record was already written by
 * recordTagExpirations; this makes the change visible in this process at once and
 * refreshes the proxy's copies of the affected URLs.
 */
export function expirePublicTags(tags: string[]): void {
  if (tags.length === 0) return;
  for (const tag of new Set(tags)) revalidateTag(tag, { expire: 0 });
  // After the response, so the acknowledgement does not wait on the proxy (README "reverse proxy");
  // only when a proxy is configured, so callers outside a request (tests, scripts) need none.
  if (env().KOHO_PROXY_REFRESH_URL) after(() => refreshProxy(tags));
}

import "server-only";
import { cacheTags } from "@/lib/cache-tags";
import type { CachedDocument } from "@/lib/conditional-get";
import { createTagCheckedMemo } from "./tag-checked-memo";

/**
 * Feeds' finished documents kept in this process. Their "use cache" entries are hundreds of kB
 * that Next decoded again on every request (the feed served 0.28× a static page); this keeps the
 * decoded body and its ETag under the tags every feed read carries (./tag-checked-memo.ts).
 * Unknown categories (null) are not kept.
 */
const FEED_TAGS = [cacheTags.publicListings, cacheTags.categories, cacheTags.recommendations];
const documents = createTagCheckedMemo<CachedDocument | null>({ maxEntries: 200, keep: (doc) => doc !== null });

export function memoisedFeed(key: string, load: () => Promise<CachedDocument | null>): Promise<CachedDocument | null> {
  return documents.get(key, FEED_TAGS, load);
}

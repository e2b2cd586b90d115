import "server-only";
import { revalidateTag } from "next/cache";
import { cacheTags } from "@/lib/cache-tags";

/** The public cache tags a change to one article's public state touches. */
export function publicTagsForArticle(slug: string): string[] {
  return [cacheTags.publicListings, cacheTags.article(slug), cacheTags.recommendations];
}

/**
 * Expire tags now (not stale-while-revalidate): after a publish, withdrawal or
 * scheduled release the very next reader must see it. Works in server actions
 * and route handlers alike.
 */
export function expirePublicTags(tags: string[]): void {
  for (const tag of new Set(tags)) revalidateTag(tag, { expire: 0 });
}

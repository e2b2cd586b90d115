import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { cacheLife, cacheTag } from "next/cache";
import { articleEditions, articles, mediaAssets } from "@/db/schema";
import { cacheTags } from "@/lib/cache-tags";
import { isValidSlug } from "@/lib/slug";
import { getDatabase } from "../db";
import { toPublicImage, type PublicImage } from "./dto";

// Reader-side reads: no session, so nothing here imports the auth stack (feeds and pages use these).

/**
 * The hero image readers see on a published item, or null. Cached under the
 * article's tag: publishing, and editing the image's description, expire it.
 */
export async function getPublicHeroImage({ slug }: { slug: string }): Promise<PublicImage | null> {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.article(slug));
  if (!isValidSlug(slug)) return null;
  const db = await getDatabase();
  const [row] = await db
    .select({ media: mediaAssets })
    .from(articles)
    .innerJoin(articleEditions, eq(articleEditions.id, articles.publishedEditionId))
    .innerJoin(mediaAssets, eq(mediaAssets.id, articleEditions.heroMediaId))
    .where(and(eq(articles.slug, slug), inArray(articles.status, ["published", "withdrawn"])))
    .limit(1);
  return row ? toPublicImage(row.media) : null;
}

/** Heroes of many published items at once (feeds, listings), keyed by article id. */
export async function listPublicHeroImages({ articleIds }: { articleIds: number[] }): Promise<Record<number, PublicImage>> {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.publicListings);
  if (articleIds.length === 0) return {};
  const db = await getDatabase();
  const rows = await db
    .select({ articleId: articles.id, media: mediaAssets })
    .from(articles)
    .innerJoin(articleEditions, eq(articleEditions.id, articles.publishedEditionId))
    .innerJoin(mediaAssets, eq(mediaAssets.id, articleEditions.heroMediaId))
    .where(and(inArray(articles.id, articleIds.slice(0, 500)), eq(articles.status, "published")));
  return Object.fromEntries(rows.map((r) => [r.articleId, toPublicImage(r.media)]));
}

import "server-only";
import { eq, inArray } from "drizzle-orm";
import { cacheLife, cacheTag } from "next/cache";
import type { Database } from "@/db/client";
import { articleEditions, articles, mediaAssets } from "@/db/schema";
import { cacheTags } from "@/lib/cache-tags";
import { isValidSlug } from "@/lib/slug";
import { publicRead } from "../public-read";
import { getDatabase } from "../db";
import { toPublicImage, type PublicImage } from "../media/dto";
import { selectPublishedArticles } from "@/db/published-articles";

// Reader-side reads: no session, so nothing here imports the auth stack (feeds and pages use these).

/** The image an edition names as its hero, as readers see it; the article DTO carries it. */
export async function loadHeroImage(db: Pick<Database, "select">, mediaId: number | null): Promise<PublicImage | null> {
  if (mediaId === null) return null;
  const [media] = await db.select().from(mediaAssets).where(eq(mediaAssets.id, mediaId)).limit(1);
  return media ? toPublicImage(media) : null;
}

/**
 * The hero image readers see on a published item, or null. Cached under the
 * article's tag: publishing, and editing the image's description, expire it.
 */
async function getPublicHeroImageCached({ slug }: { slug: string }): Promise<PublicImage | null> {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.article(slug));
  if (!isValidSlug(slug)) return null;
  const db = await getDatabase();
  const [row] = await selectPublishedArticles(
    db,
    { heroMediaId: articleEditions.heroMediaId },
    {
      where: eq(articles.slug, slug),
      visibility: "at-address",
    },
  ).limit(1);
  return loadHeroImage(db, row?.heroMediaId ?? null);
}

/** Heroes of many published items at once (feeds, listings), keyed by article id. */
async function listPublicHeroImagesCached({ articleIds }: { articleIds: number[] }): Promise<Record<number, PublicImage>> {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.publicListings);
  if (articleIds.length === 0) return {};
  const db = await getDatabase();
  const rows = await selectPublishedArticles(
    db,
    { articleId: articles.id, media: mediaAssets },
    {
      where: inArray(articles.id, articleIds.slice(0, 500)),
    },
  ).innerJoin(mediaAssets, eq(mediaAssets.id, articleEditions.heroMediaId));
  return Object.fromEntries(rows.map((r) => [r.articleId, toPublicImage(r.media)]));
}

export const getPublicHeroImage = publicRead("the hero of a page readers can open", getPublicHeroImageCached);
export const listPublicHeroImages = publicRead("heroes of items readers see in feeds", listPublicHeroImagesCached);

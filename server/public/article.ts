import "server-only";
import { eq } from "drizzle-orm";
import { cacheLife, cacheTag } from "next/cache";
import { articles } from "@/db/schema";
import { cacheTags } from "@/lib/cache-tags";
import { isValidSlug } from "@/lib/slug";
import { publicRead } from "../public-read";
import { getDatabase } from "../db";
import type { PublicArticle } from "./dto";
import { selectPublishedArticles } from "@/db/published-articles";
import { articleColumns, buildPublicArticle } from "./to-public-article";

function notFoundForAMinute(): null {
  cacheLife("minutes");
  return null;
}

/**
 * A public article by its URL slug, with its hero and its Recommended list, or null: drafts
 * and unknown slugs look the same to readers. A withdrawn item is returned with its
 * withdrawal notice (its page stays at its address) but is listed nowhere. Cached under the
 * article's tag; the Recommended list's own cache adds its tags (recommendations, listings).
 */
async function getPublishedArticleBySlugCached({ slug }: { slug: string }): Promise<PublicArticle | null> {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.article(slug));
  // "Nothing here" is kept a minute only, so junk URLs cannot fill a shared cache for a month
  // (a later publish of that slug expires its tag anyway).
  if (!isValidSlug(slug)) return notFoundForAMinute();
  const db = await getDatabase();
  const [row] = await selectPublishedArticles(db, articleColumns, { where: eq(articles.slug, slug), visibility: "at-address" }).limit(1);
  if (!row || !row.firstPublishedAt) return notFoundForAMinute();
  // Its page links to its other language versions and warns when it is behind its source.
  cacheTag(cacheTags.translationGroup(row.translationOfId ?? row.id));
  return buildPublicArticle(db, row, { publishedAt: row.firstPublishedAt });
}

export const getPublishedArticleBySlug = publicRead(
  "readers open published and withdrawn items by address",
  getPublishedArticleBySlugCached,
);

export { getRecommendationsForArticle } from "./recommendations";

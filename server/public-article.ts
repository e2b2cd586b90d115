import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { cacheLife, cacheTag } from "next/cache";
import {
  articleEditions, articles, categories, recommendationListItems,
} from "@/db/schema";
import { cacheTags } from "@/lib/cache-tags";
import { renderArticleHtml } from "@/lib/content/render-html";
import { toTokyoIsoString, tokyoDateOf } from "@/lib/dates";
import { firstImageUrl } from "@/lib/structured-data";
import { isValidSlug } from "@/lib/slug";
import { getDatabase } from "./db";
import { findPublishedListForArticle } from "./lists/placement";
import type { PublicArticle, PublicRecommendation } from "./public-dto";
import { summaryColumns, toSummary } from "./public-news";

function notFoundForAMinute(): null {
  cacheLife("minutes");
  return null;
}

/**
 * A public article by its URL slug, or null: drafts and unknown slugs look the
 * same to readers. A withdrawn item is returned with its withdrawal notice (its
 * page stays at its address) but is listed nowhere.
 */
export async function getPublishedArticleBySlug({ slug }: { slug: string }): Promise<PublicArticle | null> {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.article(slug));
  // "Nothing here" is kept a minute only, so junk URLs cannot fill a shared cache for a month
  // (a later publish of that slug expires its tag anyway).
  if (!isValidSlug(slug)) return notFoundForAMinute();
  const db = await getDatabase();
  const [row] = await db
    .select({
      ...summaryColumns,
      id: articles.id,
      body: articleEditions.body,
      signatories: articleEditions.signatories,
      tags: articleEditions.tags,
      firstPublishedAt: articles.firstPublishedAt,
      publicUpdatedAt: articles.publicUpdatedAt,
      status: articles.status,
      withdrawnAt: articles.withdrawnAt,
      withdrawalNote: articles.withdrawalNote,
    })
    .from(articles)
    .innerJoin(articleEditions, eq(articleEditions.id, articles.publishedEditionId))
    .innerJoin(categories, eq(categories.id, articles.categoryId))
    .where(and(eq(articles.slug, slug), inArray(articles.status, ["published", "withdrawn"])))
    .limit(1);
  if (!row || !row.firstPublishedAt) return notFoundForAMinute();
  const { id, body, signatories, tags, firstPublishedAt, publicUpdatedAt, status, withdrawnAt, withdrawalNote, ...summary } = row;
  const changeRows = await db
    .select({ at: articleEditions.publishedAt, note: articleEditions.changeNote })
    .from(articleEditions)
    .where(
      and(
        eq(articleEditions.articleId, id),
        eq(articleEditions.changeType, "major"),
        inArray(articleEditions.state, ["published", "superseded"]),
      ),
    )
    .orderBy(asc(articleEditions.number));
  return {
    ...toSummary(summary),
    id,
    bodyHtml: renderArticleHtml(body),
    signatories,
    tags,
    firstPublishedAt: toTokyoIsoString(firstPublishedAt),
    updatedAt: toTokyoIsoString(publicUpdatedAt ?? firstPublishedAt),
    imageUrl: firstImageUrl(body),
    withdrawal:
      status === "withdrawn" && withdrawnAt
        ? { date: tokyoDateOf(withdrawnAt), explanation: withdrawalNote ?? "" }
        : null,
    changes: changeRows
      .filter((c): c is { at: Date; note: string } => c.at !== null && !!c.note)
      .map((c) => ({ date: tokyoDateOf(c.at), note: c.note })),
  };
}

/**
 * The "Recommended for You" list under an article: the published list placed
 * on the article, else on its category, else the site default. Only items that
 * are public right now, never the article itself, at most the list's limit.
 */
export async function getRecommendationsForArticle({
  articleId,
  categorySlug,
}: {
  articleId: number;
  categorySlug: string;
}): Promise<PublicRecommendation[]> {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.recommendations, cacheTags.publicListings);
  const db = await getDatabase();
  const category = await db.query.categories.findFirst({ where: (c, { eq: is }) => is(c.slug, categorySlug) });
  const list = await findPublishedListForArticle(db, { articleId, categoryId: category?.id ?? null });
  if (!list) return [];

  const items = await db
    .select({
      position: recommendationListItems.position,
      articleId: recommendationListItems.articleId,
      externalUrl: recommendationListItems.externalUrl,
      externalTitle: recommendationListItems.externalTitle,
      externalDate: recommendationListItems.externalDate,
    })
    .from(recommendationListItems)
    .where(eq(recommendationListItems.listId, list.id))
    .orderBy(asc(recommendationListItems.position));

  const ids = items.map((i) => i.articleId).filter((id): id is number => id !== null && id !== articleId);
  const published = ids.length
    ? await db
        .select({ id: articles.id, slug: articles.slug, title: articleEditions.title, datelineDate: articleEditions.datelineDate })
        .from(articles)
        .innerJoin(articleEditions, eq(articleEditions.id, articles.publishedEditionId))
        .where(and(inArray(articles.id, ids), eq(articles.status, "published")))
    : [];
  const byId = new Map(published.map((p) => [p.id, p]));

  const result: PublicRecommendation[] = [];
  const shown = new Set<number>([articleId]);
  for (const item of items) {
    if (item.articleId !== null) {
      const a = byId.get(item.articleId);
      if (a && !shown.has(a.id)) {
        shown.add(a.id);
        result.push({ title: a.title, datelineDate: a.datelineDate, href: `/news/${a.slug}`, external: false });
      }
    } else if (item.externalUrl && item.externalTitle && item.externalDate) {
      result.push({ title: item.externalTitle, datelineDate: item.externalDate, href: item.externalUrl, external: true });
    }
  }
  const picked = result.slice(0, list.maxItems);
  if (!list.fillFromCategory || !category || picked.length >= list.maxItems) return picked;
  // Fill the rest with the newest public items of this article's category, skipping the article and what is already shown.
  const latest = await db
    .select({ id: articles.id, slug: articles.slug, title: articleEditions.title, datelineDate: articleEditions.datelineDate })
    .from(articles)
    .innerJoin(articleEditions, eq(articleEditions.id, articles.publishedEditionId))
    .where(and(eq(articles.categoryId, category.id), eq(articles.status, "published")))
    .orderBy(desc(articles.firstPublishedAt), desc(articles.id))
    .limit(list.maxItems + shown.size);
  for (const a of latest) {
    if (picked.length >= list.maxItems) break;
    if (shown.has(a.id)) continue;
    shown.add(a.id);
    picked.push({ title: a.title, datelineDate: a.datelineDate, href: `/news/${a.slug}`, external: false });
  }
  return picked;
}

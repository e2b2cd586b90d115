import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { cacheLife, cacheTag } from "next/cache";
import type { Database, Transaction } from "@/db/client";
import { articleEditions, articles, recommendationListItems, type ListEntry } from "@/db/schema";
import { cacheTags } from "@/lib/cache-tags";
import { defaultLanguage, env } from "@/lib/env";
import { localizedPath } from "@/lib/languages";
import { publicRead } from "../public-read";
import { getDatabase } from "../db";
import type { PublicRecommendation } from "./dto";
import { findPublishedListForArticle } from "./list-placement";
import { selectPublishedArticles } from "@/db/published-articles";

/**
 * THE "Recommended for You" rules, asked by the public article page, the staff preview,
 * the preview link, and the studio's list editor and article-list preview, so what the
 * studio shows is what readers get.
 */

type Reader = Database | Transaction;

export type PublicFacts = { id: number; slug: string; title: string; datelineDate: string; categoryId: number | null; language: string };

const factColumns = {
  id: articles.id,
  slug: articles.slug,
  title: articleEditions.title,
  datelineDate: articleEditions.datelineDate,
  categoryId: articles.categoryId,
  language: articles.language,
};

/** Titles and datelines of the given items that are public right now (published, not withdrawn). */
export async function publicArticleFacts(db: Reader, ids: number[]): Promise<Map<number, PublicFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await selectPublishedArticles(db, factColumns, { where: inArray(articles.id, [...new Set(ids)]) });
  return new Map(rows.map((r) => [r.id, r]));
}

export type ResolvedItem = PublicRecommendation & {
  /** "picked" by an editor, or "filled" from the latest items of the category. */
  source: "picked" | "filled";
};

const toItem = (a: PublicFacts, source: ResolvedItem["source"]): ResolvedItem => ({
  title: a.title,
  datelineDate: a.datelineDate,
  href: localizedPath(env().SITE_LANGUAGES, a.language, `/news/${a.slug}`),
  external: false,
  source,
});

/**
 * What readers see for these entries: external links as they are, items only while public,
 * never the article itself nor an item twice, at most maxItems. With fillFromCategory the
 * free places take the newest public items of the category. Fill limit: maxItems places in
 * all; the fill reads maxItems + (items already shown) + 1 (the article itself) candidates,
 * enough to fill every free place even when all of those are among the newest.
 */
export async function resolveEntries(
  db: Reader,
  entries: ListEntry[],
  options: { maxItems: number; fillFromCategory: boolean; articleId?: number | null; categoryId?: number | null; language?: string },
): Promise<ResolvedItem[]> {
  const facts = await publicArticleFacts(
    db,
    entries.flatMap((e) => (e.kind === "article" ? [e.articleId] : [])),
  );
  const result: ResolvedItem[] = [];
  const seen = new Set<number>();
  for (const entry of entries) {
    if (entry.kind === "external") {
      result.push({ title: entry.title, datelineDate: entry.date, href: entry.url, external: true, source: "picked" });
      continue;
    }
    const a = facts.get(entry.articleId);
    if (!a || a.id === options.articleId || seen.has(a.id)) continue;
    seen.add(a.id);
    result.push(toItem(a, "picked"));
  }
  const picked = result.slice(0, options.maxItems);
  if (!options.fillFromCategory || !options.categoryId || picked.length >= options.maxItems) return picked;
  // The fill is in the list's language: readers of the Japanese page get Japanese items.
  const fillWhere = and(eq(articles.categoryId, options.categoryId), eq(articles.language, options.language ?? defaultLanguage().code));
  const latest = await selectPublishedArticles(db, factColumns, { where: fillWhere })
    .orderBy(desc(articles.firstPublishedAt), desc(articles.id))
    .limit(options.maxItems + seen.size + 1);
  for (const a of latest) {
    if (picked.length >= options.maxItems) break;
    if (a.id === options.articleId || seen.has(a.id)) continue;
    seen.add(a.id);
    picked.push(toItem(a, "filled"));
  }
  return picked;
}

/** Entries as stored in the published snapshot rows. */
export function entriesFromItems(
  items: { articleId: number | null; externalUrl: string | null; externalTitle: string | null; externalDate: string | null }[],
): ListEntry[] {
  return items.flatMap((i): ListEntry[] => {
    if (i.articleId !== null) return [{ kind: "article", articleId: i.articleId }];
    if (i.externalUrl && i.externalTitle && i.externalDate)
      return [{ kind: "external", url: i.externalUrl, title: i.externalTitle, date: i.externalDate }];
    return [];
  });
}

/** The published list that applies under an article and its items, resolved; null when no list applies. */
export async function resolveListForArticle(
  db: Reader,
  { articleId, categoryId, language }: { articleId: number; categoryId: number | null; language: string },
) {
  const list = await findPublishedListForArticle(db, { articleId, categoryId, language });
  if (!list) return null;
  const rows = await db
    .select()
    .from(recommendationListItems)
    .where(eq(recommendationListItems.listId, list.id))
    .orderBy(asc(recommendationListItems.position));
  const items = await resolveEntries(db, entriesFromItems(rows), {
    maxItems: list.maxItems,
    fillFromCategory: list.fillFromCategory,
    articleId,
    categoryId,
    language,
  });
  return { list, items };
}

/**
 * The "Recommended for You" list under an article: the published list placed
 * on the article, else on its category, else the site default.
 */
async function getRecommendationsForArticleCached({
  articleId,
  categorySlug,
  language = defaultLanguage().code,
}: {
  articleId: number;
  categorySlug: string;
  language?: string;
}): Promise<PublicRecommendation[]> {
  "use cache";
  cacheLife("max");
  cacheTag(cacheTags.recommendations, cacheTags.publicListings);
  const db = await getDatabase();
  const category = await db.query.categories.findFirst({ where: (c, { eq: is }) => is(c.slug, categorySlug) });
  const resolved = await resolveListForArticle(db, { articleId, categoryId: category?.id ?? null, language });
  // Readers are not told which items an editor picked: the studio's "source" stays out.
  return (resolved?.items ?? []).map(({ title, datelineDate, href, external }) => ({ title, datelineDate, href, external }));
}

export const getRecommendationsForArticle = publicRead(
  "readers see the published list under a public article",
  getRecommendationsForArticleCached,
);

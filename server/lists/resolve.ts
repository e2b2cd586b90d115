import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { articleEditions, articles, type ListEntry } from "@/db/schema";

type Reader = Database | Transaction;

export type PublicFacts = { id: number; slug: string; title: string; datelineDate: string; categoryId: number | null };

/** Titles and datelines of the given items that are public right now (published, not withdrawn). */
export async function publicArticleFacts(db: Reader, ids: number[]): Promise<Map<number, PublicFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: articles.id, slug: articles.slug, title: articleEditions.title, datelineDate: articleEditions.datelineDate, categoryId: articles.categoryId })
    .from(articles)
    .innerJoin(articleEditions, eq(articleEditions.id, articles.publishedEditionId))
    .where(and(inArray(articles.id, [...new Set(ids)]), eq(articles.status, "published")));
  return new Map(rows.map((r) => [r.id, r]));
}

export type ResolvedItem = {
  title: string;
  datelineDate: string;
  href: string;
  external: boolean;
  /** "picked" by an editor, or "filled" from the latest items of the category. */
  source: "picked" | "filled";
};

/**
 * What readers would see for these entries: the same rules as
 * getRecommendationsForArticle (public items only, never the article itself,
 * at most maxItems, filled from the category when asked), with each item
 * marked as picked or filled for the studio.
 */
export async function resolveEntries(
  db: Reader,
  entries: ListEntry[],
  options: { maxItems: number; fillFromCategory: boolean; articleId?: number | null; categoryId?: number | null },
): Promise<ResolvedItem[]> {
  const facts = await publicArticleFacts(db, entries.flatMap((e) => (e.kind === "article" ? [e.articleId] : [])));
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
    result.push({ title: a.title, datelineDate: a.datelineDate, href: `/news/${a.slug}`, external: false, source: "picked" });
  }
  const picked = result.slice(0, options.maxItems);
  if (!options.fillFromCategory || !options.categoryId || picked.length >= options.maxItems) return picked;
  const latest = await db
    .select({ id: articles.id, slug: articles.slug, title: articleEditions.title, datelineDate: articleEditions.datelineDate })
    .from(articles)
    .innerJoin(articleEditions, eq(articleEditions.id, articles.publishedEditionId))
    .where(and(eq(articles.categoryId, options.categoryId), eq(articles.status, "published")))
    .orderBy(desc(articles.firstPublishedAt), desc(articles.id))
    .limit(options.maxItems + seen.size + 1);
  for (const a of latest) {
    if (picked.length >= options.maxItems) break;
    if (a.id === options.articleId || seen.has(a.id)) continue;
    seen.add(a.id);
    picked.push({ title: a.title, datelineDate: a.datelineDate, href: `/news/${a.slug}`, external: false, source: "filled" });
  }
  return picked;
}

/** Entries as stored in the published snapshot rows. */
export function entriesFromItems(
  items: { articleId: number | null; externalUrl: string | null; externalTitle: string | null; externalDate: string | null }[],
): ListEntry[] {
  return items.flatMap((i): ListEntry[] => {
    if (i.articleId !== null) return [{ kind: "article", articleId: i.articleId }];
    if (i.externalUrl && i.externalTitle && i.externalDate) return [{ kind: "external", url: i.externalUrl, title: i.externalTitle, date: i.externalDate }];
    return [];
  });
}

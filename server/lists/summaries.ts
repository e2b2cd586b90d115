import "server-only";
import { env } from "@/lib/env";
import {
  articleEditions,
  articles,
  recommendationListEditions,
  recommendationLists,
  type EditionState,
  type ListPlacement,
} from "@/db/schema";
import { asc, desc } from "drizzle-orm";
import type { Database } from "@/db/client";
import { selectPublishedArticles } from "@/db/published-articles";
import { requireCapability } from "../auth/current-user";
import { getDatabase } from "../db";
import { healthLabel, countNotPublicByList } from "./health";

export type ListSummary = {
  id: number;
  name: string;
  placement: ListPlacement;
  target: string;
  status: "draft" | "published";
  editionState: EditionState;
  editionNumber: number;
  notPublic: number;
  healthLabel: string | null;
};

/** Labels a list by where it stands: the site default, a category, or the item it sits under. */
export async function targetLabels(
  db: Database,
  lists: { placement: ListPlacement; categoryId: number | null; articleId: number | null }[],
) {
  const categories = await db.query.categories.findMany();
  const articleIds = lists.flatMap((l) => (l.articleId ? [l.articleId] : []));
  const titles = articleIds.length
    ? await db.query.articleEditions.findMany({
        where: (e, { inArray: within }) => within(e.articleId, articleIds),
        columns: { articleId: true, number: true, title: true },
      })
    : [];
  const newest = new Map<number, { number: number; title: string }>();
  for (const t of titles) if ((newest.get(t.articleId)?.number ?? 0) < t.number) newest.set(t.articleId, t);
  return (l: { placement: ListPlacement; categoryId: number | null; articleId: number | null }) =>
    l.placement === "default"
      ? "Site default (every item without its own list)"
      : l.placement === "category"
        ? `Category: ${categories.find((c) => c.id === l.categoryId)?.name ?? "unknown"}`
        : `Under: ${newest.get(l.articleId ?? 0)?.title ?? "a deleted item"}`;
}

/** Every list with its newest edition's state and its health. */
export async function listRecommendationLists(): Promise<ListSummary[]> {
  await requireCapability("studio:use", "list", "list.read");
  const db = await getDatabase();
  const lists = await db.select().from(recommendationLists).orderBy(asc(recommendationLists.placement), asc(recommendationLists.id));
  const editions = await db.select().from(recommendationListEditions).orderBy(asc(recommendationListEditions.number));
  const newest = new Map(editions.map((e) => [e.listId, e]));
  const counts = await countNotPublicByList(db);
  const label = await targetLabels(db, lists);
  return lists.map((l) => {
    const n = counts.get(l.id) ?? 0;
    return {
      id: l.id,
      name: l.name,
      placement: l.placement,
      target: label(l),
      status: l.status,
      editionState: newest.get(l.id)?.state ?? (l.status === "published" ? "published" : "draft"),
      editionNumber: newest.get(l.id)?.number ?? 1,
      notPublic: n,
      healthLabel: n > 0 ? healthLabel(n) : null,
    };
  });
}

export type PlacementOptions = {
  /** The site's languages, default first: a site-wide or category list serves one. */
  languages: { code: string; name: string }[];
  categories: { id: number; name: string }[];
  articles: { id: number; title: string; datelineDate: string }[];
};

/** What a new list can be placed on: every category, and every published item (newest first). */
export async function listPlacementOptions(): Promise<PlacementOptions> {
  await requireCapability("studio:use", "list", "list.read");
  const db = await getDatabase();
  const cats = await db.query.categories.findMany({ orderBy: (c) => asc(c.position), columns: { id: true, name: true } });
  const rows = await selectPublishedArticles(db, {
    id: articles.id,
    title: articleEditions.title,
    datelineDate: articleEditions.datelineDate,
  })
    .orderBy(desc(articles.firstPublishedAt), desc(articles.id))
    .limit(500);
  const languages = env().SITE_LANGUAGES.map((l) => ({ code: l.code, name: l.englishName }));
  return { languages, categories: cats, articles: rows };
}

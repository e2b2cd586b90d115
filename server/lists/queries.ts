import "server-only";
import { asc, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  articleEditions,
  articles,
  recommendationListEditions,
  recommendationLists,
  users,
  type EditionState,
  type ListEntry,
  type ListPlacement,
} from "@/db/schema";
import { toTokyoLocalInput } from "@/lib/schedule-time";
import { requireCapability } from "../auth/current-user";
import { getDatabase } from "../db";
import { latestListEdition, loadList } from "./editorial-type";
import { healthLabel, countNotPublicByList } from "./health";
import { selectPublishedArticles } from "@/db/published-articles";
import { publicArticleFacts, resolveEntries, type ResolvedItem } from "../public/recommendations";
import { listIdSchema, parseListInput } from "./input";
import { listTransitionsFor } from "../editorial/steps";
import type { TransitionName as ListTransitionName } from "@/lib/workflow";

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

async function targetLabels(db: Database, lists: { placement: ListPlacement; categoryId: number | null; articleId: number | null }[]) {
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

export type EditorEntry = ListEntry & { title: string; datelineDate: string; isPublic: boolean };

export type ListForEditing = {
  id: number;
  version: number;
  placement: ListPlacement;
  target: string;
  categoryId: number | null;
  articleId: number | null;
  status: "draft" | "published";
  edition: {
    number: number;
    state: EditionState;
    name: string;
    maxItems: number;
    fillFromCategory: boolean;
    scheduledFor: string | null;
    scheduleError: string | null;
    lastEditedBy: string | null;
  };
  entries: EditorEntry[];
  preview: ResolvedItem[];
  published: ResolvedItem[];
  transitions: ListTransitionName[];
  notPublic: number;
  healthLabel: string | null;
  /** An hour from now, Tokyo time, for the schedule field. */
  suggestedScheduleAt: string;
};

/** The list as the editor shows it: the newest edition's entries, a reader's preview, the steps open to this person. */
export async function getRecommendationListForEditing(input: unknown): Promise<ListForEditing> {
  const user = await requireCapability("studio:use", "list", "list.read");
  const { listId } = parseListInput(listIdSchema, input);
  const db = await getDatabase();
  const list = await loadList(db, listId);
  const edition = await latestListEdition(db, list.id);
  const publishedItems = await db.query.recommendationListItems.findMany({
    where: (i, { eq: is }) => is(i.listId, list.id),
    orderBy: (i) => asc(i.position),
  });
  const publishedEntries: ListEntry[] = publishedItems.flatMap((i): ListEntry[] =>
    i.articleId !== null
      ? [{ kind: "article", articleId: i.articleId }]
      : i.externalUrl
        ? [{ kind: "external", url: i.externalUrl, title: i.externalTitle ?? "", date: i.externalDate ?? "" }]
        : [],
  );
  const current = edition ?? {
    number: 1,
    state: list.status === "published" ? ("published" as const) : ("draft" as const),
    name: list.name,
    maxItems: list.maxItems,
    fillFromCategory: list.fillFromCategory,
    entries: publishedEntries,
    scheduledFor: null,
    scheduleError: null,
    lastEditedById: list.authorId,
  };
  const ids = current.entries.flatMap((e) => (e.kind === "article" ? [e.articleId] : []));
  const facts = await publicArticleFacts(db, ids);
  const stored = ids.length
    ? await db.query.articleEditions.findMany({
        where: (e, { inArray: within }) => within(e.articleId, ids),
        columns: { articleId: true, number: true, title: true, datelineDate: true },
      })
    : [];
  const entries: EditorEntry[] = current.entries.map((e) => {
    if (e.kind === "external") return { ...e, isPublic: true, datelineDate: e.date };
    const fact = facts.get(e.articleId);
    const fallback = stored.filter((s) => s.articleId === e.articleId).sort((a, b) => b.number - a.number)[0];
    return {
      ...e,
      title: fact?.title ?? fallback?.title ?? `Deleted item ${e.articleId}`,
      datelineDate: fact?.datelineDate ?? fallback?.datelineDate ?? "",
      isPublic: !!fact,
    };
  });
  const context = {
    articleId: list.articleId,
    categoryId:
      list.placement === "article"
        ? list.articleId
          ? (await db.query.articles.findFirst({ where: (a, { eq: is }) => is(a.id, list.articleId!) }))?.categoryId
          : null
        : list.categoryId,
  };
  const editor = edition?.lastEditedById
    ? await db.query.users.findFirst({ where: (u, { eq: is }) => is(u.id, edition.lastEditedById!) })
    : null;
  const n = (await countNotPublicByList(db)).get(list.id) ?? 0;
  return {
    id: list.id,
    version: list.version,
    placement: list.placement,
    target: (await targetLabels(db, [list]))(list),
    categoryId: list.categoryId,
    articleId: list.articleId,
    status: list.status,
    edition: {
      number: current.number,
      state: current.state,
      name: current.name,
      maxItems: current.maxItems,
      fillFromCategory: current.fillFromCategory,
      scheduledFor: current.scheduledFor?.toISOString() ?? null,
      scheduleError: current.scheduleError,
      lastEditedBy: editor?.name ?? null,
    },
    entries,
    preview: await resolveEntries(db, current.entries, {
      maxItems: current.maxItems,
      fillFromCategory: current.fillFromCategory,
      articleId: context.articleId,
      categoryId: context.categoryId ?? null,
    }),
    published: await resolveEntries(db, publishedEntries, {
      maxItems: list.maxItems,
      fillFromCategory: list.fillFromCategory,
      articleId: context.articleId,
      categoryId: context.categoryId ?? null,
    }),
    transitions: listTransitionsFor("list", user, { state: current.state, lastEditedById: current.lastEditedById }),
    notPublic: n,
    healthLabel: n > 0 ? healthLabel(n) : null,
    suggestedScheduleAt: toTokyoLocalInput(new Date(Date.now() + 3_600_000)),
  };
}

export type ListEditionSummary = {
  number: number;
  state: EditionState;
  name: string;
  items: number;
  createdBy: string | null;
  lastEditedBy: string | null;
  reviewedBy: string | null;
  publishedBy: string | null;
  updatedAt: string;
  publishedAt: string | null;
  scheduledFor: string | null;
};

/** Revision history: every edition, newest first, with who did what and when. */
export async function listRecommendationListEditions(input: unknown): Promise<ListEditionSummary[]> {
  await requireCapability("studio:use", "list", "list.read");
  const { listId } = parseListInput(listIdSchema, input);
  const db = await getDatabase();
  await loadList(db, listId);
  const rows = await db
    .select()
    .from(recommendationListEditions)
    .where(eq(recommendationListEditions.listId, listId))
    .orderBy(desc(recommendationListEditions.number));
  const ids = [
    ...new Set(
      rows.flatMap((r) => [r.createdById, r.lastEditedById, r.reviewedById, r.publishedById]).filter((v): v is number => v !== null),
    ),
  ];
  const people = ids.length ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)) : [];
  const name = (id: number | null) => (id === null ? null : (people.find((p) => p.id === id)?.name ?? null));
  return rows.map((r) => ({
    number: r.number,
    state: r.state,
    name: r.name,
    items: r.entries.length,
    createdBy: name(r.createdById),
    lastEditedBy: name(r.lastEditedById),
    reviewedBy: name(r.reviewedById),
    publishedBy: r.publishedById === null && r.publishedAt ? "Scheduler" : name(r.publishedById),
    updatedAt: r.updatedAt.toISOString(),
    publishedAt: r.publishedAt?.toISOString() ?? null,
    scheduledFor: r.scheduledFor?.toISOString() ?? null,
  }));
}

export type PlacementOptions = {
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
  return { categories: cats, articles: rows };
}

import "server-only";
import { asc } from "drizzle-orm";
import type { EditionState, ListEntry, ListPlacement } from "@/db/schema";
import { toTokyoLocalInput } from "@/lib/schedule-time";
import type { TransitionName as ListTransitionName } from "@/lib/workflow";
import { requireCapability } from "../auth/current-user";
import { getDatabase } from "../db";
import { listTransitionsFor } from "../editorial/steps";
import { publicArticleFacts, resolveEntries, type ResolvedItem } from "../public/recommendations";
import { latestListEdition, loadList } from "./editorial-type";
import { healthLabel, countNotPublicByList } from "./health";
import { listIdSchema, parseListInput } from "./input";
import { targetLabels } from "./summaries";

export type EditorEntry = ListEntry & { title: string; datelineDate: string; isPublic: boolean };

export type ListForEditing = {
  id: number;
  version: number;
  placement: ListPlacement;
  /** The language of the pages the list serves (a code from lib/languages.ts). */
  language: string;
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
  const placedOn =
    list.placement === "article" && list.articleId
      ? await db.query.articles.findFirst({ where: (a, { eq: is }) => is(a.id, list.articleId!) })
      : undefined;
  const context = {
    articleId: list.articleId,
    categoryId: list.placement === "article" ? (placedOn?.categoryId ?? null) : list.categoryId,
    // A list placed on an item fills in that item's language.
    language: placedOn?.language ?? list.language,
  };
  const editor = edition?.lastEditedById
    ? await db.query.users.findFirst({ where: (u, { eq: is }) => is(u.id, edition.lastEditedById!) })
    : null;
  const n = (await countNotPublicByList(db)).get(list.id) ?? 0;
  return {
    id: list.id,
    version: list.version,
    placement: list.placement,
    language: context.language,
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
      language: context.language,
    }),
    published: await resolveEntries(db, publishedEntries, {
      maxItems: list.maxItems,
      fillFromCategory: list.fillFromCategory,
      articleId: context.articleId,
      categoryId: context.categoryId ?? null,
      language: context.language,
    }),
    transitions: listTransitionsFor("list", user, { state: current.state, lastEditedById: current.lastEditedById }),
    notPublic: n,
    healthLabel: n > 0 ? healthLabel(n) : null,
    suggestedScheduleAt: toTokyoLocalInput(new Date(Date.now() + 3_600_000)),
  };
}

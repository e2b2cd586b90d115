import "server-only";
import { and, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import { articles, categories, users, type ArticleEditionRow, type ArticleRow, type EditionState, type Role } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { toTokyoLocalInput } from "@/lib/schedule-time";
import { can, canEditArticle } from "@/lib/permissions";
import { requireCapability } from "../auth/current-user";
import { getDatabase } from "../db";
import { listTransitionsFor } from "../editorial/steps";
import { getLatestEdition, loadArticle } from "./editions";
import { latest, selectStudioRows, studioWordMatch } from "./studio-rows";
import type { EditableArticle, StudioArticleRow } from "./studio-dto";
import { studioLanguage } from "./translation-queries";

/** The studio's list query on this process's database (the caller has authenticated). */
async function studioRows(where: SQL | undefined, limit: number, offset = 0) {
  return selectStudioRows(await getDatabase(), where, limit, offset);
}

type Row = Awaited<ReturnType<typeof studioRows>>[number];
function toRow(r: Row): StudioArticleRow {
  return {
    ...r,
    updatedAt: r.updatedAt.toISOString(),
    scheduledFor: r.scheduledFor?.toISOString() ?? null,
    firstPublishedAt: r.firstPublishedAt?.toISOString() ?? null,
    languageName: studioLanguage(r.language).englishName,
    outOfDateSince: r.outOfDateSince?.toISOString() ?? null,
  };
}

export async function getDashboard() {
  const user = await requireCapability("studio:use", "article", "studio.dashboard");
  const [mine, review, scheduled, published, failed, outOfDate] = await Promise.all([
    studioRows(and(eq(articles.authorId, user.id), inArray(latest.state, ["draft", "changes_requested"])), 10),
    studioRows(inArray(latest.state, ["submitted", "approved"]), 20),
    studioRows(eq(latest.state, "scheduled"), 20),
    studioRows(eq(latest.state, "published"), 10),
    studioRows(sql`${latest.scheduleError} IS NOT NULL`, 20),
    // Translations a major change to their source left behind, until updated or confirmed current.
    studioRows(isNotNull(articles.outOfDateSince), 20),
  ]);
  return {
    user,
    myDrafts: mine.map(toRow),
    waitingForReview: review.map(toRow),
    scheduled: scheduled.map(toRow),
    recentlyPublished: published.map(toRow),
    failedSchedules: failed.map(toRow),
    outOfDateTranslations: outOfDate.map(toRow),
  };
}

export const STUDIO_PAGE_SIZE = 50;

export async function listStudioArticles(filters: {
  state?: EditionState;
  status?: ArticleRow["status"];
  categoryId?: number;
  authorId?: number;
  language?: string;
  /** Only translations marked out of date. */
  outOfDate?: boolean;
  q?: string;
  page: number;
}) {
  await requireCapability("studio:use", "article", "studio.list");
  const conditions: SQL[] = [];
  if (filters.state) conditions.push(eq(latest.state, filters.state));
  if (filters.status) conditions.push(eq(articles.status, filters.status));
  if (filters.categoryId) conditions.push(eq(latest.categoryId, filters.categoryId));
  if (filters.authorId) conditions.push(eq(articles.authorId, filters.authorId));
  if (filters.language) conditions.push(eq(articles.language, filters.language));
  if (filters.outOfDate) conditions.push(isNotNull(articles.outOfDateSince));
  // Every word on its own, anywhere in the latest title, summary or the slug: "Rome Tokyo" finds the communiqué.
  for (const word of (filters.q ?? "").split(/\s+/).filter(Boolean).slice(0, 12)) {
    conditions.push(studioWordMatch(word));
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const rows = await studioRows(where, STUDIO_PAGE_SIZE + 1, (filters.page - 1) * STUDIO_PAGE_SIZE);
  return { items: rows.slice(0, STUDIO_PAGE_SIZE).map(toRow), hasMore: rows.length > STUDIO_PAGE_SIZE, page: filters.page };
}

/** Filter choices for the studio list: categories and staff names (no emails, no roles). */
export async function listStudioFilterOptions() {
  await requireCapability("studio:use", "article", "studio.list");
  const db = await getDatabase();
  const [cats, staff] = await Promise.all([
    db.select({ id: categories.id, name: categories.name }).from(categories).orderBy(categories.position),
    db.select({ id: users.id, name: users.name }).from(users).orderBy(users.name),
  ]);
  return { categories: cats, authors: staff };
}

async function workflowFacts(
  db: Awaited<ReturnType<typeof getDatabase>>,
  user: { id: number; role: Role },
  article: ArticleRow,
  edition: ArticleEditionRow,
): Promise<EditableArticle["workflow"]> {
  const live = article.publishedEditionId
    ? await db.query.articleEditions.findFirst({ where: (e, { eq: is }) => is(e.id, article.publishedEditionId!) })
    : undefined;
  return {
    needsChangeType: article.firstPublishedAt !== null && edition.state !== "published",
    changeType: edition.changeType,
    changeNote: edition.changeNote,
    scheduledFor: edition.scheduledFor?.toISOString() ?? null,
    scheduleError: edition.scheduleError,
    publishedWithoutReview: live?.publishedWithoutReview ?? false,
    liveSince: live?.publishedAt?.toISOString() ?? null,
    releasedByScheduler: !!live && live.publishedById === null && live.scheduledFor !== null,
    forcePublishReason: live?.forcePublishReason ?? null,
    canWithdraw: can(user, "article:withdraw"),
    canConfirmReview:
      !!live?.publishedWithoutReview && can(user, "article:review") && live.publishedById !== user.id && live.lastEditedById !== user.id,
    canComment: can(user, "article:review") || canEditArticle(user, article),
    withdrawalNote: article.withdrawalNote,
    firstPublishedAt: article.firstPublishedAt?.toISOString() ?? null,
    suggestedScheduleAt: toTokyoLocalInput(new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 3_600_000)),
  };
}

export async function getArticleForEditing({ id }: { id: number }): Promise<EditableArticle> {
  const user = await requireCapability("studio:use", "article", "article.open");
  const db = await getDatabase();
  const article = await loadArticle(db, id);
  const edition = await getLatestEdition(db, id);
  if (!edition) throw new AppError("not_found:article", "This item has no content yet.");
  const people = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, [article.authorId ?? 0, edition.lastEditedById ?? 0]));
  const nameOf = (uid: number | null) => people.find((p) => p.id === uid)?.name ?? null;
  return {
    id: article.id,
    slug: article.slug,
    language: article.language,
    slugLocked: article.firstPublishedAt !== null,
    status: article.status,
    version: article.version,
    author: { id: article.authorId, name: nameOf(article.authorId) },
    canEdit: canEditArticle(user, article) && can(user, "studio:use"),
    transitions: listTransitionsFor("article", user, edition),
    workflow: await workflowFacts(db, user, article, edition),
    edition: {
      id: edition.id,
      number: edition.number,
      state: edition.state,
      title: edition.title,
      summary: edition.summary,
      body: edition.body,
      categoryId: edition.categoryId,
      datelineDate: edition.datelineDate,
      signatories: edition.signatories,
      tags: edition.tags,
      lastEditedBy: nameOf(edition.lastEditedById),
      updatedAt: edition.updatedAt.toISOString(),
    },
  };
}

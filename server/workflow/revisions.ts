import "server-only";
import { diffWords } from "diff";
import { and, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { articleRevisions, users } from "@/db/schema";
import { documentToPlainText } from "@/lib/content/document-schema";
import { AppError } from "@/lib/errors";
import { canEditArticle } from "@/lib/permissions";
import { EDITABLE_STATES } from "@/lib/workflow";
import { saveArticleDraft } from "../articles/drafts";
import { getLatestEdition } from "../articles/editions";
import type { SaveResult } from "../articles/studio-dto";
import { recordAudit } from "../audit";
import { denyAccess, requireCapability } from "../auth/current-user";
import { getDatabase } from "../db";
import { loadArticle } from "../articles/editions";

export type RevisionSummary = {
  id: number;
  editionNumber: number;
  articleVersion: number;
  savedBy: string | null;
  savedAt: string;
  title: string;
};

export type RevisionHistory = {
  article: { id: number; title: string; canRestore: boolean };
  revisions: RevisionSummary[];
  /** True when older saves exist beyond the listed ones. */
  truncated: boolean;
};

export type DiffPart = { added?: true; removed?: true; value: string };
export type RevisionDiff = {
  from: RevisionSummary;
  to: RevisionSummary;
  title: DiffPart[];
  summary: DiffPart[];
  body: DiffPart[];
  changed: boolean;
};

/** Autosave writes a revision every few seconds; the newest this many are plenty to pick from. */
export const REVISION_LIST_LIMIT = 500;

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const listSchema = z.object({ articleId: id }).strict();
const diffSchema = z.object({ articleId: id, fromId: id, toId: id }).strict();
const restoreSchema = z.object({ articleId: id, revisionId: id }).strict();

/** Called after authentication: a stranger learns nothing, not even what a valid input looks like. */
function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw AppError.invalid("article", parsed.error);
  return parsed.data;
}

const summaryColumns = {
  id: articleRevisions.id,
  editionNumber: articleRevisions.editionNumber,
  articleVersion: articleRevisions.articleVersion,
  savedBy: users.name,
  savedAt: articleRevisions.createdAt,
  title: articleRevisions.title,
};

function toSummary(row: { savedAt: Date } & Omit<RevisionSummary, "savedAt">): RevisionSummary {
  return { ...row, savedAt: row.savedAt.toISOString() };
}

/** Every save of an item, newest first: who saved, when, into which edition, at which version. */
export async function listRevisions(input: { articleId: number }): Promise<RevisionHistory> {
  const user = await requireCapability("studio:use", "article", "article.revisions");
  const { articleId } = parse(listSchema, input);
  const db = await getDatabase();
  const article = await loadArticle(db, articleId);
  const edition = await getLatestEdition(db, articleId);
  const rows = await db
    .select(summaryColumns)
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.savedById))
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.id))
    .limit(REVISION_LIST_LIMIT + 1);
  const editable = !!edition && (edition.state === "published" || EDITABLE_STATES.includes(edition.state));
  return {
    article: { id: article.id, title: edition?.title ?? article.slug, canRestore: editable && canEditArticle(user, article) },
    revisions: rows.slice(0, REVISION_LIST_LIMIT).map(toSummary),
    truncated: rows.length > REVISION_LIST_LIMIT,
  };
}

/** A big rewrite of a long body can make a word diff expensive; past this it shows as replaced whole. */
const DIFF_TIMEOUT_MS = 1_500;

function wordDiff(before: string, after: string): DiffPart[] {
  const changes = diffWords(before, after, { timeout: DIFF_TIMEOUT_MS }) ?? [
    { value: before, added: false, removed: true, count: 1 },
    { value: after, added: true, removed: false, count: 1 },
  ];
  return changes
    .filter((c) => c.value !== "")
    .map((c) => (c.added ? { added: true, value: c.value } : c.removed ? { removed: true, value: c.value } : { value: c.value }));
}

/** Word-level differences from one save to another of the same item: title, summary and body text. */
export async function diffRevisions(input: { articleId: number; fromId: number; toId: number }): Promise<RevisionDiff> {
  await requireCapability("studio:use", "article", "article.revisions");
  const { articleId, fromId, toId } = parse(diffSchema, input);
  const db = await getDatabase();
  const rows = await db
    .select({ ...summaryColumns, summary: articleRevisions.summary, body: articleRevisions.body })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.savedById))
    .where(and(eq(articleRevisions.articleId, articleId), inArray(articleRevisions.id, [fromId, toId])));
  const from = rows.find((r) => r.id === fromId);
  const to = rows.find((r) => r.id === toId);
  if (!from || !to) throw new AppError("not_found:article", "One of those saves does not belong to this news item.");
  const title = wordDiff(from.title, to.title);
  const summary = wordDiff(from.summary, to.summary);
  const body = wordDiff(documentToPlainText(from.body), documentToPlainText(to.body));
  const strip = (r: typeof from): RevisionSummary =>
    toSummary({
      id: r.id,
      editionNumber: r.editionNumber,
      articleVersion: r.articleVersion,
      savedBy: r.savedBy,
      savedAt: r.savedAt,
      title: r.title,
    });
  return {
    from: strip(from),
    to: strip(to),
    title,
    summary,
    body,
    changed: [title, summary, body].some((parts) => parts.some((p) => p.added || p.removed)),
  };
}

/**
 * Puts an earlier save's words back into the working draft. It goes through
 * saveArticleDraft at the item's current version, so every rule of an
 * ordinary save applies (who may edit, which states are editable, a new
 * edition for a published item) and the restore is itself a new revision.
 * Not a defineCommand: the save is a command of its own, with its own
 * transaction and audit entry; the restore entry follows it, in the same
 * order (authenticate → validate → authorize → write → audit).
 */
export async function restoreRevision(input: { articleId: number; revisionId: number }): Promise<SaveResult> {
  const user = await requireCapability("article:edit-own", "article", "article.restore_revision");
  const { articleId, revisionId } = parse(restoreSchema, input);
  const db = await getDatabase();
  const article = await loadArticle(db, articleId);
  if (!canEditArticle(user, article)) {
    await denyAccess(user, "article", "article.restore_revision", "Writers can only restore their own items.", {
      type: "article",
      id: articleId,
    });
  }
  const revision = await db.query.articleRevisions.findFirst({
    where: (r, { and: all, eq: is }) => all(is(r.id, revisionId), is(r.articleId, articleId)),
  });
  if (!revision) throw new AppError("not_found:article", "That save does not belong to this news item.");

  const saved = await saveArticleDraft({
    id: articleId,
    version: article.version,
    title: revision.title,
    // A published address is permanent; a draft's address follows its restored title.
    slug: article.firstPublishedAt ? article.slug : revision.slug,
    summary: revision.summary,
    categoryId: revision.categoryId,
    datelineDate: revision.datelineDate,
    signatories: revision.signatories,
    tags: revision.tags,
    body: revision.body,
  });
  await recordAudit(db, {
    actor: user,
    action: "article.restore_revision",
    outcome: "ok",
    targetType: "article",
    targetId: articleId,
    details: { revisionId, restoredVersion: revision.articleVersion, version: saved.version },
  });
  return saved;
}

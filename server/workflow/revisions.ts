import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { articleRevisions, users } from "@/db/schema";
import { documentToPlainText } from "@/lib/content/document-schema";
import { AppError } from "@/lib/errors";
import { canEditArticle } from "@/lib/permissions";
import { describeRevisionChanges, wordDiff, type DiffPart } from "@/lib/revision-changes";
import { EDITABLE_STATES } from "@/lib/workflow";
import { saveArticleDraft } from "../articles/drafts";
import { getLatestEdition, loadArticle } from "../articles/editions";
import type { SaveResult } from "../articles/studio-dto";
import { recordAudit } from "../audit";
import { denyAccess, requireCapability } from "../auth/current-user";
import { getDatabase } from "../db";
import {
  contentColumns,
  identityColumns,
  parseRevisionInput as parse,
  revisionId as id,
  toIdentity,
  toSnapshot,
  type RevisionIdentity,
} from "./revision-rows";

export type { DiffPart } from "@/lib/revision-changes";
export type { RevisionIdentity } from "./revision-rows";

/** One save as the history lists it: who, when (to the second), and what it changed from the save before. */
export type RevisionSummary = RevisionIdentity & {
  /** "Title, Body (+42 −7 words)", "No changes", or "First save". */
  changes: string;
};

export type RevisionHistory = {
  article: { id: number; title: string; canRestore: boolean };
  revisions: RevisionSummary[];
  /** True when older saves exist beyond the listed ones. */
  truncated: boolean;
};

export type RevisionDiff = {
  from: RevisionIdentity;
  to: RevisionIdentity;
  title: DiffPart[];
  summary: DiffPart[];
  body: DiffPart[];
  changed: boolean;
};

/** Autosave writes a revision every few seconds; the newest this many are plenty to pick from. */
export const REVISION_LIST_LIMIT = 500;

const listSchema = z.object({ articleId: id }).strict();
const diffSchema = z.object({ articleId: id, fromId: id, toId: id }).strict();
const restoreSchema = z.object({ articleId: id, revisionId: id }).strict();

/** Every save of an item, newest first: who saved, when, into which edition, at which version, and what it changed. */
export async function listRevisions(input: { articleId: number }): Promise<RevisionHistory> {
  const user = await requireCapability("studio:use", "article", "article.revisions");
  const { articleId } = parse(listSchema, input);
  const db = await getDatabase();
  const article = await loadArticle(db, articleId);
  const edition = await getLatestEdition(db, articleId);
  // One row beyond the limit: it tells whether the list is cut, and what the oldest listed save changed.
  const rows = await db
    .select({ ...identityColumns, ...contentColumns })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.savedById))
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.id))
    .limit(REVISION_LIST_LIMIT + 1);
  const snapshots = rows.map(toSnapshot);
  const editable = !!edition && (edition.state === "published" || EDITABLE_STATES.includes(edition.state));
  return {
    article: { id: article.id, title: edition?.title ?? article.slug, canRestore: editable && canEditArticle(user, article) },
    revisions: rows.slice(0, REVISION_LIST_LIMIT).map((row, i) => ({
      ...toIdentity(row),
      changes: describeRevisionChanges(snapshots[i + 1] ?? null, snapshots[i]!),
    })),
    truncated: rows.length > REVISION_LIST_LIMIT,
  };
}

/** Word-level differences from one save to another of the same item: title, summary and body text. */
export async function diffRevisions(input: { articleId: number; fromId: number; toId: number }): Promise<RevisionDiff> {
  await requireCapability("studio:use", "article", "article.revisions");
  const { articleId, fromId, toId } = parse(diffSchema, input);
  const db = await getDatabase();
  const rows = await db
    .select({ ...identityColumns, summary: articleRevisions.summary, body: articleRevisions.body })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.savedById))
    .where(and(eq(articleRevisions.articleId, articleId), inArray(articleRevisions.id, [fromId, toId])));
  const from = rows.find((r) => r.id === fromId);
  const to = rows.find((r) => r.id === toId);
  if (!from || !to) throw new AppError("not_found:article", "One of those saves does not belong to this news item.");
  const title = wordDiff(from.title, to.title);
  const summary = wordDiff(from.summary, to.summary);
  const body = wordDiff(documentToPlainText(from.body), documentToPlainText(to.body));
  return {
    from: toIdentity(from),
    to: toIdentity(to),
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

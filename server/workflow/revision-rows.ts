import "server-only";
import { z } from "zod";
import { articleRevisions, users, type ArticleEditionRow } from "@/db/schema";
import { documentToPlainText } from "@/lib/content/document-schema";
import { AppError } from "@/lib/errors";
import type { RevisionSnapshot } from "@/lib/revision-changes";

/** Which save this is: enough to name it ("Version 12 (edition 1) · 5 Feb 2026, 14:02:37 JST · Kenji Editor"). */
export type RevisionIdentity = {
  id: number;
  editionNumber: number;
  articleVersion: number;
  /** The saver's display name; null when the account is gone. */
  savedBy: string | null;
  savedAt: string;
  title: string;
};

export const revisionId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Called after authentication: a stranger learns nothing, not even what a valid input looks like. */
export function parseRevisionInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw AppError.invalid("article", parsed.error);
  return parsed.data;
}

/** Select these from article_revisions left-joined to users. */
export const identityColumns = {
  id: articleRevisions.id,
  editionNumber: articleRevisions.editionNumber,
  articleVersion: articleRevisions.articleVersion,
  savedBy: users.name,
  savedAt: articleRevisions.createdAt,
  title: articleRevisions.title,
};

/** The words and fields a save replaces, for diffs and "what changed". */
export const contentColumns = {
  summary: articleRevisions.summary,
  body: articleRevisions.body,
  categoryId: articleRevisions.categoryId,
  datelineDate: articleRevisions.datelineDate,
  signatories: articleRevisions.signatories,
  tags: articleRevisions.tags,
};

export function toIdentity(row: { savedAt: Date } & Omit<RevisionIdentity, "savedAt">): RevisionIdentity {
  return {
    id: row.id,
    editionNumber: row.editionNumber,
    articleVersion: row.articleVersion,
    savedBy: row.savedBy,
    savedAt: row.savedAt.toISOString(),
    title: row.title,
  };
}

/** The words and fields a save holds: the same columns on a revision row and an edition row. */
type SnapshotSource = Pick<ArticleEditionRow, "title" | "summary" | "body" | "categoryId" | "datelineDate" | "signatories" | "tags">;

/** A save (or an edition: same fields) as the pure what-changed code compares it. */
export function toSnapshot(row: SnapshotSource): RevisionSnapshot {
  return {
    title: row.title,
    summary: row.summary,
    bodyText: documentToPlainText(row.body),
    bodyJson: JSON.stringify(row.body),
    categoryId: row.categoryId,
    datelineDate: row.datelineDate,
    signatories: row.signatories,
    tags: row.tags,
  };
}

import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { articleRevisions, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { describeRevisionChanges, wordDiff, type DiffPart } from "@/lib/revision-changes";
import { getLatestEdition, loadArticle } from "../articles/editions";
import { requireCapability } from "../auth/current-user";
import { getDatabase } from "../db";
import {
  contentColumns,
  identityColumns,
  parseRevisionInput,
  revisionId,
  toIdentity,
  toSnapshot,
  type RevisionIdentity,
} from "./revision-rows";

/**
 * What a restore would do, read in the direction it happens: from the current draft to the
 * restored save. Words only in the draft are `removed` (the restore takes them out), words only
 * in the save are `added`; keeping the unchanged and added parts gives the draft after the restore.
 */
export type RestorePreview = {
  revision: RevisionIdentity;
  draft: { editionNumber: number; version: number };
  title: DiffPart[];
  summary: DiffPart[];
  body: DiffPart[];
  /** "Title, Body (+3 −5 words), Category": every field the restore replaces with different content. */
  changes: string;
  changed: boolean;
};

const previewSchema = z.object({ articleId: revisionId, revisionId }).strict();

/** Reads only: the restore itself is restoreRevision, which checks the right to edit again. */
export async function previewRestore(input: { articleId: number; revisionId: number }): Promise<RestorePreview> {
  await requireCapability("studio:use", "article", "article.revisions");
  const { articleId, revisionId: id } = parseRevisionInput(previewSchema, input);
  const db = await getDatabase();
  const article = await loadArticle(db, articleId);
  const edition = await getLatestEdition(db, articleId);
  const [revision] = await db
    .select({ ...identityColumns, ...contentColumns })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.savedById))
    .where(and(eq(articleRevisions.id, id), eq(articleRevisions.articleId, articleId)));
  if (!revision || !edition) throw new AppError("not_found:article", "That save does not belong to this news item.");
  const current = toSnapshot(edition);
  const restored = toSnapshot(revision);
  const changes = describeRevisionChanges(current, restored);
  return {
    revision: toIdentity(revision),
    draft: { editionNumber: edition.number, version: article.version },
    title: wordDiff(current.title, restored.title),
    summary: wordDiff(current.summary, restored.summary),
    body: wordDiff(current.bodyText, restored.bodyText),
    changes,
    changed: changes !== "No changes",
  };
}

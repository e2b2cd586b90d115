import "server-only";
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { articleEditions, articles, categories, type ArticleStatus, type EditionState } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { requireCapability } from "../auth/current-user";
import { getDatabase } from "../db";
import type { PublicArticle } from "../public/dto";
import { articleColumns, buildPublicArticle, type ChangeNote } from "../public/to-public-article";

/** The newest edition of an item, shaped exactly as the public article page receives it (hero and Recommended list included). */
export type ArticlePreview = {
  article: PublicArticle;
  edition: { number: number; state: EditionState; updatedAt: string };
  status: ArticleStatus;
};

/**
 * Builds the preview of an item's newest edition through the public mapper
 * (server/public/to-public-article.ts). It does not authorize:
 * getArticlePreview checks the session and resolvePreviewToken the link,
 * and each calls this only after its check.
 */
export async function buildNewestEditionPreview(db: Database, articleId: number, now = new Date()): Promise<ArticlePreview | null> {
  const [row] = await db
    .select({
      ...articleColumns,
      number: articleEditions.number,
      state: articleEditions.state,
      updatedAt: articleEditions.updatedAt,
      changeType: articleEditions.changeType,
      changeNote: articleEditions.changeNote,
    })
    .from(articles)
    .innerJoin(articleEditions, eq(articleEditions.articleId, articles.id))
    // The newest edition says where the item will go, before its first publication too.
    .innerJoin(categories, eq(categories.id, articleEditions.categoryId))
    .where(eq(articles.id, articleId))
    .orderBy(desc(articleEditions.number))
    .limit(1);
  if (!row) return null;
  // A major change note on the newest, unpublished edition is shown as it will read once published today.
  const pendingChanges: ChangeNote[] =
    row.changeType === "major" && row.state !== "published" && row.state !== "superseded" ? [{ at: now, note: row.changeNote }] : [];
  // A never-published item gets the time of its last save as its dates: what publishing now would show.
  const article = await buildPublicArticle(db, row, { publishedAt: row.firstPublishedAt ?? row.updatedAt, pendingChanges });
  return {
    article,
    edition: { number: row.number, state: row.state, updatedAt: row.updatedAt.toISOString() },
    status: row.status,
  };
}

const previewSchema = z.object({ articleId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) }).strict();

/** Any staff member may see how any item would look to readers; nothing here is cached. */
export async function getArticlePreview(input: { articleId: number }): Promise<ArticlePreview> {
  const parsed = previewSchema.safeParse(input);
  if (!parsed.success) throw new AppError("bad_request:preview", "That is not a news item number.");
  await requireCapability("studio:use", "preview", "article.preview");
  const db = await getDatabase();
  const preview = await buildNewestEditionPreview(db, parsed.data.articleId);
  if (!preview) throw new AppError("not_found:article", "There is no news item with that number.");
  return preview;
}

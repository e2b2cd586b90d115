import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { articleEditions, reviewComments, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { can, canEditArticle } from "@/lib/permissions";
import { requireCapability } from "../auth/current-user";
import { defineCommand } from "../command";
import { getDatabase } from "../db";
import { getLatestEdition, loadArticle } from "../articles/editions";

export type ReviewComment = {
  id: number;
  author: string;
  kind: "comment" | "changes_requested" | "approved";
  body: string;
  at: string;
  edition: number | null;
};

/** The review thread of an item, oldest first: what reviewers asked and what the author answered. */
export async function listReviewThread({ articleId }: { articleId: number }): Promise<ReviewComment[]> {
  await requireCapability("studio:use", "article", "article.review_thread");
  const db = await getDatabase();
  const rows = await db
    .select({
      id: reviewComments.id,
      author: users.name,
      kind: reviewComments.kind,
      body: reviewComments.body,
      at: reviewComments.createdAt,
      edition: articleEditions.number,
    })
    .from(reviewComments)
    .innerJoin(users, eq(users.id, reviewComments.authorId))
    .leftJoin(articleEditions, eq(articleEditions.id, reviewComments.editionId))
    .where(eq(reviewComments.articleId, articleId))
    .orderBy(asc(reviewComments.id));
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}

const articleId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const commentSchema = z
  .object({
    articleId,
    body: z.string().trim().min(1, "Write a comment first.").max(5_000, "Comments are at most 5,000 characters"),
  })
  .strict();
const targetArticle = (input: { articleId: number }) => ({ type: "article", id: input.articleId });

/** Reviewers and the item's own editors may comment. */
export const addReviewComment = defineCommand({
  action: "article.comment",
  surface: "article",
  capability: "studio:use",
  input: commentSchema,
  authorize: async ({ user, input, db, deny }) => {
    const article = await loadArticle(db, input.articleId);
    if (!can(user, "article:review") && !canEditArticle(user, article)) await deny("Only reviewers and the item's author can comment.");
    return article;
  },
  target: targetArticle,
  run: async ({ user, input, resource: article, tx }) => {
    const edition = await getLatestEdition(tx, article.id);
    await tx
      .insert(reviewComments)
      .values({ articleId: article.id, editionId: edition?.id ?? null, authorId: user.id, kind: "comment", body: input.body });
  },
});

/**
 * After an admin published without review, a second person reads the live
 * edition and confirms it; until then the studio marks it "published without review".
 */
export const confirmReviewAfterPublication = defineCommand({
  action: "article.review_after_publication",
  surface: "article",
  capability: "article:review",
  input: z.object({ articleId }).strict(),
  authorize: async ({ user, input, db, deny }) => {
    const article = await db.query.articles.findFirst({ where: (a, { eq: is }) => is(a.id, input.articleId) });
    const editionId = article?.publishedEditionId;
    const edition = editionId ? await db.query.articleEditions.findFirst({ where: (e, { eq: is }) => is(e.id, editionId) }) : undefined;
    if (!article || !edition?.publishedWithoutReview)
      throw new AppError("conflict:article", "This item's published edition does not need a review.");
    if (edition.publishedById === user.id || edition.lastEditedById === user.id) {
      await deny("Someone other than the person who wrote or published it must review it.");
    }
    return { article, edition };
  },
  target: targetArticle,
  run: async ({ user, resource: { article, edition }, tx }) => {
    await tx
      .update(articleEditions)
      .set({ publishedWithoutReview: false, reviewedById: user.id })
      .where(and(eq(articleEditions.id, edition.id), eq(articleEditions.publishedWithoutReview, true)));
    await tx
      .insert(reviewComments)
      .values({ articleId: article.id, editionId: edition.id, authorId: user.id, kind: "approved", body: "Reviewed after publication." });
  },
});

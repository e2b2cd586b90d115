import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { articleEditions, articles } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { publicTagsForArticle } from "../cache-invalidation";
import { defineCommand } from "../command";
import { syncArticleSearchEntry } from "@/db/search-index";
import { recordOutboxEvent } from "../subscriptions/outbox";

const articleId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const withdrawSchema = z
  .object({
    articleId,
    explanation: z.string().trim().min(10, "Explain to readers why the item was withdrawn (at least 10 characters).").max(1_000),
  })
  .strict();
const restoreSchema = z.object({ articleId }).strict();
const targetArticle = (input: { articleId: number }) => ({ type: "article", id: input.articleId });

/**
 * Withdrawal keeps the page at its address with a notice and the public
 * explanation, and takes the item out of listings, feeds, search and
 * recommendation lists in the same commit. The state check is the UPDATE's
 * own WHERE, so two people withdrawing at once cannot both succeed.
 */
export const withdrawArticle = defineCommand({
  action: "article.withdraw",
  surface: "article",
  capability: "article:withdraw",
  input: withdrawSchema,
  target: targetArticle,
  run: async ({ input, tx, now, note, expire }) => {
    const [row] = await tx
      .update(articles)
      .set({ status: "withdrawn", withdrawnAt: now, withdrawalNote: input.explanation, updatedAt: now })
      .where(and(eq(articles.id, input.articleId), eq(articles.status, "published")))
      .returning();
    if (!row) throw new AppError("conflict:article", "Only a published item can be withdrawn.");
    await syncArticleSearchEntry(tx, input.articleId);
    const edition = row.publishedEditionId
      ? await tx.query.articleEditions.findFirst({ where: eq(articleEditions.id, row.publishedEditionId) })
      : undefined;
    // Those who were told about the item are told it was withdrawn (server/subscriptions/fan-out.ts).
    if (edition) await recordOutboxEvent(tx, { kind: "withdrawn", article: row, edition, now, withdrawalNote: input.explanation });
    note({ explanation: input.explanation });
    expire(...publicTagsForArticle(row.slug));
  },
});

export const restoreWithdrawnArticle = defineCommand({
  action: "article.unwithdraw",
  surface: "article",
  capability: "article:withdraw",
  input: restoreSchema,
  target: targetArticle,
  run: async ({ input, tx, now, expire }) => {
    const [row] = await tx
      .update(articles)
      .set({ status: "published", withdrawnAt: null, withdrawalNote: null, updatedAt: now })
      .where(and(eq(articles.id, input.articleId), eq(articles.status, "withdrawn")))
      .returning({ slug: articles.slug });
    if (!row) throw new AppError("conflict:article", "Only a withdrawn item can be restored.");
    await syncArticleSearchEntry(tx, input.articleId);
    expire(...publicTagsForArticle(row.slug));
  },
});

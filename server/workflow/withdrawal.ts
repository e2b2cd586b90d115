import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { articles } from "@/db/schema";
import { describeIssues } from "@/lib/article-input";
import { AppError } from "@/lib/errors";
import { recordAudit } from "../audit";
import { requireCapability } from "../auth/current-user";
import { publicTagsForArticle, recordTagExpirations } from "../cache-invalidation";
import { getDatabase } from "../db";
import { syncArticleSearchEntry } from "../search-index";

const withdrawSchema = z
  .object({
    articleId: z.coerce.number().int().positive(),
    explanation: z.string().trim().min(10, "Explain to readers why the item was withdrawn (at least 10 characters).").max(1_000),
  })
  .strict();

const restoreSchema = z.object({ articleId: z.coerce.number().int().positive() }).strict();

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const { message, fields } = describeIssues(parsed.error);
    throw new AppError("bad_request:article", message, { fields });
  }
  return parsed.data;
}

/**
 * Withdrawal keeps the page at its address with a notice and the public
 * explanation, and takes the item out of listings, feeds, search and
 * recommendation lists in the same commit.
 */
export async function withdrawArticle(input: unknown, now = new Date()) {
  const data = parse(withdrawSchema, input);
  const user = await requireCapability("article:withdraw", "article", "article.withdraw");
  const db = await getDatabase();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(articles)
      .set({ status: "withdrawn", withdrawnAt: now, withdrawalNote: data.explanation, updatedAt: now })
      .where(and(eq(articles.id, data.articleId), eq(articles.status, "published")))
      .returning({ slug: articles.slug });
    if (!row) throw new AppError("conflict:article", "Only a published item can be withdrawn.");
    await syncArticleSearchEntry(tx, data.articleId);
    await recordAudit(tx, { actor: user, action: "article.withdraw", outcome: "ok", targetType: "article", targetId: data.articleId, details: { explanation: data.explanation } });
    await recordTagExpirations(tx, publicTagsForArticle(row.slug));
    return { expireTags: publicTagsForArticle(row.slug) };
  });
}

export async function restoreWithdrawnArticle(input: unknown, now = new Date()) {
  const data = parse(restoreSchema, input);
  const user = await requireCapability("article:withdraw", "article", "article.unwithdraw");
  const db = await getDatabase();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(articles)
      .set({ status: "published", withdrawnAt: null, withdrawalNote: null, updatedAt: now })
      .where(and(eq(articles.id, data.articleId), eq(articles.status, "withdrawn")))
      .returning({ slug: articles.slug });
    if (!row) throw new AppError("conflict:article", "Only a withdrawn item can be restored.");
    await syncArticleSearchEntry(tx, data.articleId);
    await recordAudit(tx, { actor: user, action: "article.unwithdraw", outcome: "ok", targetType: "article", targetId: data.articleId });
    await recordTagExpirations(tx, publicTagsForArticle(row.slug));
    return { expireTags: publicTagsForArticle(row.slug) };
  });
}

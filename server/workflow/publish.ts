import "server-only";
import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { articleEditions, articles, type ArticleEditionRow, type ArticleRow } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { syncArticleSearchEntry } from "../search-index";

export type PublishOptions = {
  actorId: number | null;
  now: Date;
  forcedReason?: string;
};

/**
 * Makes `edition` the public words of `article`, exactly once: the edition row
 * only moves if it is still in the state it was read in. The previous public
 * edition is superseded, the search index follows in the same transaction,
 * and the public "updated" date only moves on a major change.
 */
export async function publishEditionInTransaction(
  tx: Transaction,
  article: ArticleRow,
  edition: ArticleEditionRow,
  options: PublishOptions,
): Promise<void> {
  const firstPublication = article.firstPublishedAt === null;
  if (!firstPublication && !edition.changeType) {
    throw new AppError("bad_request:article", "Say whether this is a minor or a major change before publishing it.", {
      fields: { changeType: "Choose minor or major" },
    });
  }
  if (!firstPublication && edition.changeType === "major" && !edition.changeNote?.trim()) {
    throw new AppError("bad_request:article", "A major change needs a public change note, such as “Corrected the meeting date”.", {
      fields: { changeNote: "Required for a major change" },
    });
  }
  const moved = await tx
    .update(articleEditions)
    .set({
      state: "published",
      publishedAt: options.now,
      publishedById: options.actorId,
      scheduleError: null,
      publishedWithoutReview: options.forcedReason !== undefined,
      forcePublishReason: options.forcedReason ?? null,
      updatedAt: options.now,
    })
    .where(and(eq(articleEditions.id, edition.id), eq(articleEditions.state, edition.state)))
    .returning({ id: articleEditions.id });
  if (moved.length === 0) throw new AppError("conflict:article", "Someone else changed this item's state a moment ago. Reload to see it.");

  if (article.publishedEditionId && article.publishedEditionId !== edition.id) {
    await tx.update(articleEditions).set({ state: "superseded" }).where(eq(articleEditions.id, article.publishedEditionId));
  }
  const major = firstPublication || edition.changeType === "major";
  await tx
    .update(articles)
    .set({
      status: "published",
      publishedEditionId: edition.id,
      categoryId: edition.categoryId,
      firstPublishedAt: article.firstPublishedAt ?? options.now,
      publicUpdatedAt: major ? options.now : (article.publicUpdatedAt ?? options.now),
      withdrawnAt: null,
      withdrawalNote: null,
      updatedAt: options.now,
    })
    .where(eq(articles.id, article.id));
  await syncArticleSearchEntry(tx, article.id);
}

import "server-only";
import { and, desc, eq, or } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { recommendationLists } from "@/db/schema";

const PRECEDENCE = { article: 0, category: 1, default: 2 } as const;

/**
 * The published list that applies under an article: the one placed on the
 * article, else on its category, else the site default (those two in the article's
 * language); the most recently
 * published one when a placement has several. Readers and the studio preview
 * both ask this, so they always agree.
 */
export async function findPublishedListForArticle(
  db: Pick<Database | Transaction, "select">,
  { articleId, categoryId, language }: { articleId: number; categoryId: number | null; language: string },
) {
  const candidates = await db
    .select()
    .from(recommendationLists)
    .where(
      and(
        eq(recommendationLists.status, "published"),
        or(
          and(eq(recommendationLists.placement, "article"), eq(recommendationLists.articleId, articleId)),
          // Site-wide and category lists are per language; a list placed on the item serves that item.
          categoryId
            ? and(
                eq(recommendationLists.placement, "category"),
                eq(recommendationLists.categoryId, categoryId),
                eq(recommendationLists.language, language),
              )
            : undefined,
          and(eq(recommendationLists.placement, "default"), eq(recommendationLists.language, language)),
        ),
      ),
    )
    .orderBy(desc(recommendationLists.publishedAt));
  return candidates.sort((a, b) => PRECEDENCE[a.placement] - PRECEDENCE[b.placement])[0] ?? null;
}

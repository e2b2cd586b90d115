import "server-only";
import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { categories, outboxEvents, type ArticleEditionRow, type ArticleRow } from "@/db/schema";
import type { OutboxEventKind } from "@/lib/vocabulary";
import { localizedCategoryName } from "@/lib/i18n/categories";

/**
 * Records, inside the publication's own transaction, what subscribers and feed hubs must
 * hear about: a first publication, a major change (with its note) or a withdrawal. A minor
 * change records nothing. The worker (server/subscriptions/worker.ts) does the sending, so
 * publishing never waits for mail, and a publication that rolls back leaves no event behind.
 */
export async function recordOutboxEvent(
  tx: Transaction,
  {
    kind,
    article,
    edition,
    now,
    withdrawalNote,
  }: { kind: OutboxEventKind; article: ArticleRow; edition: ArticleEditionRow; now: Date; withdrawalNote?: string },
) {
  const categoryId = edition.categoryId ?? article.categoryId;
  const category = categoryId ? await tx.query.categories.findFirst({ where: eq(categories.id, categoryId) }) : undefined;
  await tx.insert(outboxEvents).values({
    kind,
    articleId: article.id,
    editionId: edition.id,
    language: article.language,
    categoryId: categoryId ?? null,
    snapshot: {
      title: edition.title,
      summary: edition.summary,
      slug: article.slug,
      categoryName: category ? localizedCategoryName(category, article.language) : "",
      date: (kind === "published" ? (article.firstPublishedAt ?? now) : now).toISOString(),
      changeNote: kind === "updated" ? edition.changeNote : null,
      withdrawalNote: withdrawalNote ?? null,
    },
    occurredAt: now,
  });
}

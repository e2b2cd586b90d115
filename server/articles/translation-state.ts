import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { articles, type ArticleRow } from "@/db/schema";

/** The id that names an item's translation group: its source's, or its own when it is the source. */
export const translationGroupOf = (article: Pick<ArticleRow, "id" | "translationOfId">) => article.translationOfId ?? article.id;

/**
 * What a publication means for translations, in the publication's transaction:
 * - a translation published is up to date with its source as the translator saw it (the
 *   source's published edition now), so its mark clears: the two-person rule has just passed
 *   a version made beside that source (the translator's editor shows it, with the diff);
 * - a MAJOR change published on a source marks each of its translations out of date from now
 *   (an earlier mark keeps its date: the translation has been behind since then). A minor
 *   change, or a source's first publication, marks nothing.
 * Translations' own changes mark nothing: the source is the reference version.
 */
export async function recordTranslationState(
  tx: Transaction,
  article: Pick<ArticleRow, "id" | "translationOfId">,
  { major, now }: { major: boolean; now: Date },
) {
  if (article.translationOfId !== null) {
    const [source] = await tx
      .select({ publishedEditionId: articles.publishedEditionId })
      .from(articles)
      .where(eq(articles.id, article.translationOfId));
    await tx
      .update(articles)
      .set({ outOfDateSince: null, translatedFromEditionId: source?.publishedEditionId ?? null })
      .where(eq(articles.id, article.id));
    return;
  }
  if (!major) return;
  await tx
    .update(articles)
    .set({ outOfDateSince: now })
    .where(and(eq(articles.translationOfId, article.id), isNull(articles.outOfDateSince)));
}

import "server-only";
import { eq } from "drizzle-orm";
import { articleEditions, articles, reviewComments, type ArticleEditionRow, type ArticleRow } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { canEditArticle } from "@/lib/permissions";
import { publicTagsForArticle } from "../cache-invalidation";
import { defineEditorialType } from "../editorial/define-editorial-type";
import { latestEdition } from "../editorial/edition-rows";
import { syncArticleSearchEntry } from "@/db/search-index";
import { recordOutboxEvent } from "../subscriptions/outbox";
import { recordTranslationState, translationGroupOf } from "./translation-state";

const editions = { table: articleEditions, parentId: articleEditions.articleId, parentKey: "articleId" };

/** News items as a content type with editions: the article workflow, the review thread, the search index. */
export const articleType = defineEditorialType<ArticleRow, ArticleEditionRow>({
  kind: "article",
  surface: "article",
  idField: "articleId",
  noun: "item",
  contents: "words",
  editions,
  items: { table: articles },
  capabilities: {
    submit: "article:submit",
    return_to_draft: "article:submit",
    request_changes: "article:review",
    approve: "article:approve",
    publish: "article:publish",
    schedule: "article:schedule",
    unschedule: "article:schedule",
    force_publish: "article:force-publish",
  },
  loadForCaller: async (db, id) => {
    const article = await db.query.articles.findFirst({ where: (a, { eq: is }) => is(a.id, id) });
    if (!article) throw new AppError("not_found:article", "There is no news item with that number.");
    return article;
  },
  ensureWorkingEdition: async (tx, article) => {
    const edition = await latestEdition<ArticleEditionRow>(tx, { editions }, article.id);
    if (!edition) throw new AppError("not_found:article", "This item has no edition.");
    return edition;
  },
  mayMove: (user, article, transition) =>
    (transition === "submit" || transition === "return_to_draft") && !canEditArticle(user, article)
      ? "Only the author or an editor can move this item."
      : null,
  isRepublication: (article) => article.firstPublishedAt !== null,
  publish: async ({ tx, item: article, edition, now, forcedReason }) => {
    await tx
      .update(articleEditions)
      .set({ publishedWithoutReview: forcedReason !== undefined, forcePublishReason: forcedReason ?? null })
      .where(eq(articleEditions.id, edition.id));
    // The public "updated" date only moves on a major change.
    const major = article.firstPublishedAt === null || edition.changeType === "major";
    await tx
      .update(articles)
      .set({
        status: "published",
        publishedEditionId: edition.id,
        categoryId: edition.categoryId,
        firstPublishedAt: article.firstPublishedAt ?? now,
        publicUpdatedAt: major ? now : (article.publicUpdatedAt ?? now),
        withdrawnAt: null,
        withdrawalNote: null,
        updatedAt: now,
      })
      .where(eq(articles.id, article.id));
    await syncArticleSearchEntry(tx, article.id);
    // Subscribers hear of a first publication and of a major change; a minor one stays quiet.
    if (major) await recordOutboxEvent(tx, { kind: article.firstPublishedAt === null ? "published" : "updated", article, edition, now });
    await recordTranslationState(tx, article, { major: article.firstPublishedAt !== null && edition.changeType === "major", now });
  },
  afterStep: async ({ tx, user, item: article, edition, data, now, transition }) => {
    if (transition === "return_to_draft") {
      // The reviewer learns the words they may have read are open again and will come back as a new submission.
      const from = edition.state === "approved" ? "approved" : "review";
      const body = `${user.name} returned this item to draft from ${from} to change it${data.comment ? `: ${data.comment}` : ""}. It needs a new review once it is sent again.`;
      await tx
        .insert(reviewComments)
        .values({ articleId: article.id, editionId: edition.id, authorId: user.id, kind: "comment", body, createdAt: now });
    } else if (data.comment || transition === "request_changes" || transition === "approve") {
      const kind = transition === "request_changes" ? "changes_requested" : transition === "approve" ? "approved" : "comment";
      const body = data.comment || (transition === "approve" ? "Approved." : "");
      await tx
        .insert(reviewComments)
        .values({ articleId: article.id, editionId: edition.id, authorId: user.id, kind, body, createdAt: now });
    }
  },
  tagsFor: (article) => publicTagsForArticle(article.slug, translationGroupOf(article)),
});

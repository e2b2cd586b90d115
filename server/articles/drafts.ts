import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "@/db/client";
import { articleEditions, articleRevisions, articles, categories, users } from "@/db/schema";
import { articleDraftSchema } from "@/lib/article-input";
import { validateArticleDocument, type ArticleDocument } from "@/lib/content/document-schema";
import { tokyoDateOf } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { canEditArticle } from "@/lib/permissions";
import { defineCommand } from "../command";
import { assertEditable, writeWorkingEdition } from "../editorial/working-edition";
import { disallowedImageSource, imageSourceMessage } from "../media/image-hosts";
import { getLatestEdition, loadArticle } from "./editions";
import { articleType } from "./editorial-type";
import type { SaveResult } from "./studio-dto";

const EMPTY_BODY: ArticleDocument = { type: "doc", content: [{ type: "paragraph" }] };

/** A new draft item owned by the caller, with a placeholder slug until the title is written. */
const createInput = z.object({}).strict().optional();
const createArticleCommand = defineCommand<typeof createInput, undefined, { id: number }>({
  action: "article.create",
  surface: "article",
  capability: "article:create",
  input: createInput,
  // Undefined on a denial, before anything was created.
  target: (_input, _resource, result) => (result?.id ? { type: "article", id: result.id } : undefined),
  run: async ({ user, tx, now }): Promise<{ id: number }> => {
    const [category] = await tx.select({ id: categories.id }).from(categories).orderBy(categories.position).limit(1);
    if (!category) throw new AppError("bad_request:article", "Create a category before writing news.");
    const [article] = await tx
      .insert(articles)
      .values({
        slug: `draft-${randomUUID().slice(0, 8)}`,
        guid: randomUUID(),
        status: "draft",
        authorId: user.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: articles.id });
    await tx.insert(articleEditions).values({
      articleId: article!.id,
      number: 1,
      state: "draft",
      title: "Untitled news item",
      summary: "",
      body: EMPTY_BODY,
      categoryId: category.id,
      datelineDate: tokyoDateOf(now),
      createdById: user.id,
      lastEditedById: user.id,
      createdAt: now,
      updatedAt: now,
    });
    return { id: article!.id };
  },
});

export const createArticle = (raw?: unknown, options?: { now?: Date }) => createArticleCommand(raw, options);

/**
 * Saves the editor's fields into the item's working edition. Optimistic
 * concurrency: the write only lands if the item is still at the version the
 * editor loaded; otherwise the caller learns who saved since, and when.
 * Saving a published item starts a new draft edition; readers keep the old one.
 */
export const saveArticleDraft = defineCommand({
  action: "article.save",
  surface: "article",
  capability: "article:edit-own",
  input: articleDraftSchema,
  target: (draft) => ({ type: "article", id: draft.id }),
  authorize: async ({ user, input: draft, db, deny }) => {
    const body = validateArticleDocument(draft.body);
    if (!body.ok) throw new AppError("bad_request:article", body.message, { fields: { [body.path]: body.message } });
    const foreignImage = disallowedImageSource(body.document);
    if (foreignImage !== null) {
      const message = imageSourceMessage(foreignImage);
      throw new AppError("bad_request:article", message, { fields: { body: message } });
    }
    const article = await loadArticle(db, draft.id);
    if (!canEditArticle(user, article)) await deny("Writers can only edit their own items.");
    return { article, document: body.document };
  },
  run: async ({ user, input: draft, resource: { article, document }, tx, now, note }): Promise<SaveResult> => {
    if (article.firstPublishedAt && draft.slug !== article.slug) {
      throw new AppError("bad_request:article", "The address of a published item cannot change.", {
        fields: { slug: "Published addresses are permanent" },
      });
    }
    const clash = await tx.query.articles.findFirst({ where: (a, { eq: is }) => and(is(a.slug, draft.slug), ne(a.id, draft.id)) });
    if (clash)
      throw new AppError("conflict:article", `Another item already uses the address “${draft.slug}”.`, {
        fields: { slug: "Already used by another item" },
      });
    const category = await tx.query.categories.findFirst({ where: (c, { eq: is }) => is(c.id, draft.categoryId) });
    if (!category)
      throw new AppError("bad_request:article", "Choose one of the listed categories.", { fields: { categoryId: "Unknown category" } });

    // Before the version check, so an editor left open on an item in review learns why, not "someone saved".
    const current = await articleType.ensureWorkingEdition(tx, article);
    assertEditable(articleType, current);

    const bumped = await tx
      .update(articles)
      .set({ version: article.version + 1, slug: article.firstPublishedAt ? article.slug : draft.slug, updatedAt: now })
      .where(and(eq(articles.id, draft.id), eq(articles.version, draft.version)))
      .returning({ version: articles.version });
    if (bumped.length === 0) throw await conflictError(tx, draft.id);

    const fields = {
      title: draft.title,
      summary: draft.summary,
      body: document,
      categoryId: draft.categoryId,
      datelineDate: draft.datelineDate,
      signatories: draft.signatories,
      tags: draft.tags,
      lastEditedById: user.id,
      updatedAt: now,
    };
    const edition = await writeWorkingEdition(tx, articleType, { itemId: draft.id, edition: current, userId: user.id, now, fields });
    const version = bumped[0]!.version;
    await tx.insert(articleRevisions).values({
      articleId: draft.id,
      editionId: edition.id,
      editionNumber: edition.number,
      articleVersion: version,
      savedById: user.id,
      slug: draft.slug,
      ...fields,
      createdAt: now,
    });
    note({ version, edition: edition.number });
    return { version, savedAt: now.toISOString(), editionNumber: edition.number, slug: draft.slug };
  },
});

async function conflictError(tx: Transaction, id: number) {
  const edition = await getLatestEdition(tx, id);
  const current = await tx.query.articles.findFirst({ where: (a, { eq: is }) => is(a.id, id) });
  const editor = edition?.lastEditedById
    ? await tx.select({ name: users.name }).from(users).where(eq(users.id, edition.lastEditedById)).get()
    : undefined;
  if (!current) return new AppError("not_found:article", "This item no longer exists.");
  return new AppError(
    "conflict:article",
    `${editor?.name ?? "Someone"} saved this item at ${edition?.updatedAt.toISOString() ?? "an unknown time"} after you opened it. Your text is kept here: reload to see their version, or copy yours first.`,
    { savedBy: editor?.name ?? null, savedAt: edition?.updatedAt.toISOString() ?? null, currentVersion: current.version },
  );
}

import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, or } from "drizzle-orm";
import { z } from "zod";
import type { Database, Transaction } from "@/db/client";
import { articleEditions, articles, type ArticleRow } from "@/db/schema";
import { tokyoDateOf } from "@/lib/dates";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isValidSlug } from "@/lib/slug";
import { publicTagsForArticle } from "../cache-invalidation";
import { defineCommand } from "../command";
import { getLatestEdition, loadArticle } from "./editions";
import { translationGroupOf } from "./translation-state";

const languageName = (code: string) => env().SITE_LANGUAGES.find((l) => l.code === code)?.englishName ?? code;

/** The words a translation starts from and is measured against: the source's published edition, else its newest. */
async function sourceEdition(db: Database | Transaction, source: ArticleRow) {
  if (source.publishedEditionId) {
    const edition = await db.query.articleEditions.findFirst({ where: (e, { eq: is }) => is(e.id, source.publishedEditionId!) });
    if (edition) return edition;
  }
  const latest = await getLatestEdition(db, source.id);
  if (!latest) throw new AppError("not_found:article", "The item to translate has no words yet.");
  return latest;
}

async function versionInLanguage(db: Database | Transaction, groupId: number, language: string) {
  return db.query.articles.findFirst({
    where: (a, { eq: is }) => and(or(is(a.id, groupId), is(a.translationOfId, groupId)), is(a.language, language)),
  });
}

/** "<source slug>-ja" when free, so the address says what it is; otherwise a placeholder the translator replaces. */
async function translationSlug(tx: Transaction, source: ArticleRow, language: string): Promise<string> {
  const wanted = `${source.slug.replace(/^draft-/, "")}-${language.toLowerCase()}`;
  if (isValidSlug(wanted) && !(await tx.query.articles.findFirst({ where: (a, { eq: is }) => is(a.slug, wanted) }))) return wanted;
  return `draft-${randomUUID().slice(0, 8)}`;
}

const createInput = z
  .object({
    sourceId: z.coerce.number().int().positive(),
    language: z.string().trim().min(1, "Choose a language.").max(20),
  })
  .strict();

/**
 * A new version of `sourceId` in another configured language: its own item (slug, editions,
 * review, schedule, publication), linked to the source, starting as a draft with the source's
 * words to translate over. Translations are made from the source only, one per language.
 */
export const createTranslation = defineCommand<typeof createInput, { source: ArticleRow }, { id: number }>({
  action: "article.translate",
  surface: "article",
  capability: "article:create",
  input: createInput,
  target: (input, _resource, result) => (result?.id ? { type: "article", id: result.id } : { type: "article", id: input.sourceId }),
  authorize: async ({ input, db }) => {
    const source = await loadArticle(db, input.sourceId);
    if (source.translationOfId !== null) {
      throw new AppError("bad_request:article", "This item is itself a translation. Add other languages from the item it translates.");
    }
    if (!env().SITE_LANGUAGES.some((l) => l.code === input.language)) {
      const offered = env()
        .SITE_LANGUAGES.map((l) => `${l.englishName} (${l.code})`)
        .join(", ");
      throw new AppError("bad_request:article", `The site does not publish in “${input.language}”. It publishes in ${offered}.`, {
        fields: { language: "Not one of the site's languages" },
      });
    }
    if (input.language === source.language) {
      throw new AppError("bad_request:article", `This item is already in ${languageName(source.language)}.`, {
        fields: { language: "The item's own language" },
      });
    }
    return { source };
  },
  run: async ({ user, input, resource: { source }, tx, now }): Promise<{ id: number }> => {
    // Checked in the transaction too: the unique (group, language) index is the last word on a race.
    const existing = await versionInLanguage(tx, source.id, input.language);
    if (existing) {
      throw new AppError("conflict:article", `This item already has a ${languageName(input.language)} version.`, {
        existingId: existing.id,
      });
    }
    const from = await sourceEdition(tx, source);
    const [article] = await tx
      .insert(articles)
      .values({
        slug: await translationSlug(tx, source, input.language),
        guid: randomUUID(),
        status: "draft",
        authorId: user.id,
        language: input.language,
        translationOfId: source.id,
        translatedFromEditionId: from.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: articles.id });
    await tx.insert(articleEditions).values({
      articleId: article!.id,
      number: 1,
      state: "draft",
      title: from.title,
      summary: from.summary,
      body: from.body,
      categoryId: from.categoryId,
      datelineDate: from.datelineDate || tokyoDateOf(now),
      signatories: from.signatories,
      tags: from.tags,
      heroMediaId: from.heroMediaId,
      createdById: user.id,
      lastEditedById: user.id,
      createdAt: now,
      updatedAt: now,
    });
    return { id: article!.id };
  },
});

const confirmInput = z.object({ id: z.coerce.number().int().positive() }).strict();

/**
 * "No change needed": a reviewer has compared an out-of-date translation with its source's
 * newer words and found nothing to change. The mark clears, the translation counts as made
 * from the source's current published edition, and its public notice goes.
 */
export const confirmTranslationCurrent = defineCommand({
  action: "article.confirm_translation",
  surface: "article",
  capability: "article:review",
  input: confirmInput,
  target: (input) => ({ type: "article", id: input.id }),
  authorize: async ({ input, db }) => {
    const article = await loadArticle(db, input.id);
    if (article.translationOfId === null) throw new AppError("bad_request:article", "Only a translation can be out of date.");
    return { article };
  },
  run: async ({ resource: { article }, tx, expire, unchanged, note }) => {
    // Read again in the transaction: a second click, or a publication in between, already cleared it.
    const current = await tx.query.articles.findFirst({ where: (a, { eq: is }) => is(a.id, article.id) });
    if (!current?.outOfDateSince) return unchanged();
    const [source] = await tx
      .select({ publishedEditionId: articles.publishedEditionId })
      .from(articles)
      .where(eq(articles.id, article.translationOfId!));
    await tx
      .update(articles)
      .set({ outOfDateSince: null, translatedFromEditionId: source?.publishedEditionId ?? null })
      .where(eq(articles.id, article.id));
    note({ sourceEditionId: source?.publishedEditionId ?? null });
    if (article.status !== "draft") expire(...publicTagsForArticle(article.slug, translationGroupOf(article)));
  },
});

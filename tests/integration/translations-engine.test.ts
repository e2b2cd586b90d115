import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import type { Database } from "@/db/client";
import { articles } from "@/db/schema";
import { tokyoDateOf } from "@/lib/dates";
import * as drafts from "@/server/articles/drafts";
import * as translations from "@/server/articles/translations";
import * as flow from "@/server/editorial/transitions";
import { integrationTest } from "../support/fixtures";
import { actAs } from "../support/session";
import { body, draftPayload, failure, seenVersion } from "../support/workflow";
import { reader, writtenAndSubmitted } from "./workflow-fixtures";

const it = integrationTest();

/** Approve and publish the item's newest edition as a publisher (a second person), with these change fields. */
async function approveAndPublish(db: Database, id: number, change: Record<string, string> = {}, now?: Date) {
  actAs("publisher");
  await flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "approve" });
  await flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "publish", ...change }, { now });
}

/** A writer saves new words into the item and sends them for review. */
async function rewrite(db: Database, id: number, slug: string, title: string, text: string) {
  actAs("editor");
  await drafts.saveArticleDraft(draftPayload(id, await seenVersion(db, id), { slug, title, body: body(text) }));
  await flow.applyTransition("article", { articleId: id, transition: "submit" });
}

async function row(db: Database, id: number) {
  const [r] = await db.select().from(articles).where(eq(articles.id, id));
  return r!;
}

async function publishedEnglishAndJapanese(db: Database) {
  const en = await writtenAndSubmitted("Governor meets mayor of Rome");
  await approveAndPublish(db, en.id);
  actAs("writer");
  const { id: jaId } = await translations.createTranslation({ sourceId: en.id, language: "ja" });
  const jaSlug = `item-${en.id}-ja`;
  await rewrite(db, jaId, jaSlug, "知事がローマ市長と会談", "東京都知事はローマ市長と会談しました。");
  await approveAndPublish(db, jaId);
  return { en, ja: { id: jaId, slug: jaSlug } };
}

describe("translations on the editorial engine", () => {
  it("makes a linked draft in another language from the source's published words", async ({ db }) => {
    const en = await writtenAndSubmitted("Tokyo and Rome sign a communiqué");
    await approveAndPublish(db, en.id);
    actAs("writer");
    const { id } = await translations.createTranslation({ sourceId: en.id, language: "ja" });
    const ja = await row(db, id);
    expect(ja).toMatchObject({ language: "ja", translationOfId: en.id, status: "draft", slug: `item-${en.id}-ja` });
    expect(ja.translatedFromEditionId).toBe((await row(db, en.id)).publishedEditionId);
    // Its own item: not public until it passes its own review.
    expect(await reader.getPublishedArticleBySlug({ slug: ja.slug })).toBeNull();
  });

  it("refuses a second version in one language, an unknown language, the source's own, and a translation of a translation", async ({
    db,
  }) => {
    const en = await writtenAndSubmitted("Refusals item");
    await approveAndPublish(db, en.id);
    actAs("writer");
    const { id } = await translations.createTranslation({ sourceId: en.id, language: "ja" });
    const before = (await db.select({ id: articles.id }).from(articles)).length;
    const twice = await failure(translations.createTranslation({ sourceId: en.id, language: "ja" }));
    expect(twice.status).toBe(409);
    expect(twice.message).toMatch(/already has a Japanese version/);
    expect((await failure(translations.createTranslation({ sourceId: en.id, language: "fr" }))).message).toMatch(
      /does not publish in “fr”/,
    );
    expect((await failure(translations.createTranslation({ sourceId: en.id, language: "en" }))).status).toBe(400);
    expect((await failure(translations.createTranslation({ sourceId: id, language: "en" }))).message).toMatch(/itself a translation/);
    expect((await failure(translations.createTranslation({ sourceId: 999_999, language: "ja" }))).status).toBe(404);
    expect((await db.select({ id: articles.id }).from(articles)).length).toBe(before);
  });

  it("publishes each version on its own, and links them both ways for readers", async ({ db }) => {
    const { en, ja } = await publishedEnglishAndJapanese(db);
    const enPage = await reader.getPublishedArticleBySlug({ slug: en.slug });
    const jaPage = await reader.getPublishedArticleBySlug({ slug: ja.slug });
    expect(enPage).toMatchObject({ language: "en", translationOf: null, outOfDate: null });
    expect(enPage!.translations).toEqual([{ language: "ja", title: "知事がローマ市長と会談", path: `/ja/news/${ja.slug}` }]);
    expect(jaPage).toMatchObject({ language: "ja", outOfDate: null });
    expect(jaPage!.translationOf).toEqual({ language: "en", title: "Governor meets mayor of Rome", path: `/news/${en.slug}` });
    // Listings are per language.
    const japanese = (await reader.listPublishedArticles({ page: 1, language: "ja" })).items;
    expect(japanese.map((i) => i.slug)).toContain(ja.slug);
    expect(japanese.every((i) => i.language === "ja")).toBe(true);
    const english = (await reader.listPublishedArticles({ page: 1 })).items;
    expect(english.map((i) => i.slug)).toContain(en.slug);
    expect(english.every((i) => i.language === "en")).toBe(true);
  });

  it("marks translations out of date on a major change to the source, not on a minor one", async ({ db }) => {
    const { en, ja } = await publishedEnglishAndJapanese(db);
    await rewrite(db, en.id, en.slug, "Governor meets mayor of Rome", "A typo fixed.");
    await approveAndPublish(db, en.id, { changeType: "minor" });
    expect((await row(db, ja.id)).outOfDateSince).toBeNull();

    const later = new Date(Date.now() + 86_400_000);
    await rewrite(db, en.id, en.slug, "Governor meets mayor of Rome", "The meeting moved to March.");
    await approveAndPublish(db, en.id, { changeType: "major", changeNote: "The meeting moved" }, later);
    expect((await row(db, ja.id)).outOfDateSince).toEqual(later);
    const jaPage = await reader.getPublishedArticleBySlug({ slug: ja.slug });
    expect(jaPage!.outOfDate).toEqual({
      since: tokyoDateOf(later),
      source: { language: "en", title: "Governor meets mayor of Rome", path: `/news/${en.slug}` },
    });
  });

  it("clears the mark when a reviewer confirms no change is needed, or when the translation is published again", async ({ db }) => {
    const { en, ja } = await publishedEnglishAndJapanese(db);
    await rewrite(db, en.id, en.slug, "Governor meets mayor of Rome", "The meeting moved to March.");
    await approveAndPublish(db, en.id, { changeType: "major", changeNote: "The meeting moved" });
    actAs("writer");
    expect((await failure(translations.confirmTranslationCurrent({ id: ja.id }))).status).toBe(403);
    expect((await row(db, ja.id)).outOfDateSince).not.toBeNull();
    actAs("editor");
    await translations.confirmTranslationCurrent({ id: ja.id });
    const confirmed = await row(db, ja.id);
    expect(confirmed.outOfDateSince).toBeNull();
    expect(confirmed.translatedFromEditionId).toBe((await row(db, en.id)).publishedEditionId);
    expect((await reader.getPublishedArticleBySlug({ slug: ja.slug }))!.outOfDate).toBeNull();
    expect((await failure(translations.confirmTranslationCurrent({ id: en.id }))).message).toMatch(/Only a translation/);

    await rewrite(db, en.id, en.slug, "Governor meets mayor of Rome", "The meeting moved to April.");
    await approveAndPublish(db, en.id, { changeType: "major", changeNote: "Moved again" });
    expect((await row(db, ja.id)).outOfDateSince).not.toBeNull();
    await rewrite(db, ja.id, ja.slug, "知事がローマ市長と会談", "会談は4月に延期されました。");
    await approveAndPublish(db, ja.id, { changeType: "major", changeNote: "英語版に合わせて更新" });
    const updated = await row(db, ja.id);
    expect(updated.outOfDateSince).toBeNull();
    expect(updated.translatedFromEditionId).toBe((await row(db, en.id)).publishedEditionId);
    // The translation's own change marks nothing on its source.
    expect((await row(db, en.id)).outOfDateSince).toBeNull();
  });
});

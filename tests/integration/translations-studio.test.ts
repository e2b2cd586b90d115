import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import type { Database } from "@/db/client";
import { articles } from "@/db/schema";
import * as drafts from "@/server/articles/drafts";
import * as queries from "@/server/articles/studio-queries";
import { getTranslationPanel, getTranslatorView } from "@/server/articles/translation-queries";
import { confirmTranslationCurrent, createTranslation } from "@/server/articles/translations";
import * as flow from "@/server/editorial/transitions";
import { integrationTest } from "../support/fixtures";
import { actAs } from "../support/session";
import { body, draftPayload, failure, seenVersion } from "../support/workflow";

const it = integrationTest();

/** A writer's English item, reviewed and published by a second person, with these words. */
async function publishedSource(db: Database, title: string, text: string) {
  actAs("writer");
  const { id } = await drafts.createArticle();
  await drafts.saveArticleDraft(draftPayload(id, 1, { title, slug: `item-${id}`, summary: `${title}.`, body: body(text) }));
  await flow.applyTransition("article", { articleId: id, transition: "submit" });
  actAs("publisher");
  await flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "approve" });
  await flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "publish" });
  return id;
}

/** A new edition of a published item with these words, published as a major change. */
async function publishMajorChange(db: Database, id: number, title: string, text: string) {
  actAs("writer");
  const current = await queries.getArticleForEditing({ id });
  await drafts.saveArticleDraft(draftPayload(id, current.version, { title, slug: `item-${id}`, summary: `${title}.`, body: body(text) }));
  await flow.applyTransition("article", { articleId: id, transition: "submit" });
  actAs("publisher");
  await flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "approve" });
  await flow.applyTransition("article", {
    articleId: id,
    version: await seenVersion(db, id),
    transition: "publish",
    changeType: "major",
    changeNote: "Corrected the departure time",
  });
}

describe("the studio's translation reads", () => {
  it("refuses a signed-out caller", async ({ db }) => {
    const id = await publishedSource(db, "Harbour ferry timetable Koto", "The ferry leaves at nine.");
    actAs(null);
    expect((await failure(getTranslationPanel({ articleId: id }))).status).toBe(401);
    expect((await failure(getTranslatorView({ articleId: id }))).status).toBe(401);
    // The item list and the dashboard, which now carry languages and out-of-date marks, likewise.
    expect((await failure(queries.getDashboard())).status).toBe(401);
  });

  it("lists a group's versions and the languages still missing, and offers new versions only on the source", async ({ db }) => {
    const sourceId = await publishedSource(db, "Bus lanes on Harumi Dori", "Buses get a lane of their own.");
    actAs("writer");
    const before = await getTranslationPanel({ articleId: sourceId });
    expect(before).toMatchObject({
      id: sourceId,
      language: { code: "en", englishName: "English" },
      source: null,
      canAddVersion: true,
      versions: [{ id: sourceId, isSource: true, language: { code: "en" }, title: "Bus lanes on Harumi Dori", status: "published" }],
    });
    expect(before.missing).toEqual([{ code: "ja", englishName: "Japanese" }]);
    // A plain item is not a translation: nothing to show beside its editor.
    expect(await getTranslatorView({ articleId: sourceId })).toBeNull();

    const { id } = await createTranslation({ sourceId, language: "ja" });
    const panel = await getTranslationPanel({ articleId: id });
    expect(panel).toMatchObject({
      id,
      language: { code: "ja", englishName: "Japanese" },
      source: { id: sourceId, title: "Bus lanes on Harumi Dori", language: { code: "en" } },
      missing: [],
      canAddVersion: false,
    });
    expect(panel.versions.map((v) => [v.id, v.language.code, v.isSource, v.status, v.state])).toEqual([
      [sourceId, "en", true, "published", "published"],
      [id, "ja", false, "draft", "draft"],
    ]);
    expect((await getTranslationPanel({ articleId: sourceId })).missing).toEqual([]);

    // The translator reads the source's published words beside the draft; it is up to date.
    const view = await getTranslatorView({ articleId: id });
    expect(view).toMatchObject({
      source: {
        id: sourceId,
        language: { code: "en", englishName: "English" },
        published: true,
        title: "Bus lanes on Harumi Dori",
        summary: "Bus lanes on Harumi Dori.",
        paragraphs: ["Buses get a lane of their own."],
      },
      outOfDate: null,
    });
    // The item list shows each item's language.
    const rows = (await queries.listStudioArticles({ page: 1, language: "ja" })).items;
    expect(rows.find((r) => r.id === id)).toMatchObject({ language: "ja", languageName: "Japanese", translationOfId: sourceId });
    expect(rows.some((r) => r.id === sourceId)).toBe(false);
  });

  it("marks a translation out of date after a major change to its source, with the word diff since it was made", async ({ db }) => {
    const sourceId = await publishedSource(db, "Harbour ferry timetable Odaiba", "The ferry leaves at nine from the pier.");
    actAs("writer");
    const { id } = await createTranslation({ sourceId, language: "ja" });
    await publishMajorChange(db, sourceId, "Harbour ferry timetable Odaiba", "The ferry leaves at ten from the pier.");

    actAs("writer");
    const view = await getTranslatorView({ articleId: id });
    expect(view!.source.paragraphs).toEqual(["The ferry leaves at ten from the pier."]);
    expect(view!.outOfDate).toMatchObject({ since: expect.any(String), diff: { fromEditionNumber: 1, toEditionNumber: 2 } });
    const diff = view!.outOfDate!.diff!;
    expect(diff.body.filter((p) => p.removed).map((p) => p.value.trim())).toEqual(["nine"]);
    expect(diff.body.filter((p) => p.added).map((p) => p.value.trim())).toEqual(["ten"]);
    expect(diff.title.some((p) => p.added || p.removed)).toBe(false);
    // A writer may read it but not confirm it: that is a reviewer's call.
    expect(view!.canConfirmCurrent).toBe(false);

    // The studio's lists carry the mark: the dashboard's section, the item list's filter, the panel.
    const board = await queries.getDashboard();
    expect(board.outOfDateTranslations.find((r) => r.id === id)).toMatchObject({ language: "ja", outOfDateSince: view!.outOfDate!.since });
    expect(board.outOfDateTranslations.some((r) => r.id === sourceId)).toBe(false);
    expect((await queries.listStudioArticles({ page: 1, outOfDate: true })).items.map((r) => r.id)).toContain(id);
    const panel = await getTranslationPanel({ articleId: sourceId });
    expect(panel.versions.find((v) => v.id === id)?.outOfDateSince).toBe(view!.outOfDate!.since);

    // "No change needed" clears it everywhere the studio shows it.
    actAs("editor");
    expect((await getTranslatorView({ articleId: id }))!.canConfirmCurrent).toBe(true);
    await confirmTranslationCurrent({ id });
    expect((await getTranslatorView({ articleId: id }))!.outOfDate).toBeNull();
    expect((await queries.getDashboard()).outOfDateTranslations.some((r) => r.id === id)).toBe(false);
  });

  it("finds a changed word in Japanese source text, which has no spaces between words", async ({ db }) => {
    const sourceId = await publishedSource(db, "東京都知事の発表", "東京都知事はローマを訪問しました。");
    // The source's own language is what the diff segments by.
    await db.update(articles).set({ language: "ja" }).where(eq(articles.id, sourceId));
    actAs("writer");
    const { id } = await createTranslation({ sourceId, language: "en" });
    await publishMajorChange(db, sourceId, "東京都知事の発表", "東京都知事はパリを訪問しました。");
    actAs("writer");
    const diff = (await getTranslatorView({ articleId: id }))!.outOfDate!.diff!;
    expect(diff.body.filter((p) => p.removed).map((p) => p.value)).toEqual(["ローマ"]);
    expect(diff.body.filter((p) => p.added).map((p) => p.value)).toEqual(["パリ"]);
  });
});

import { desc, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { articleEditions, articles, auditLog } from "@/db/schema";
import * as drafts from "@/server/articles/drafts";
import * as revisions from "@/server/workflow/revisions";
import { failure } from "../support/failure";
import { integrationTest } from "../support/fixtures";

const it = integrationTest();

const body = (...paragraphs: string[]) => ({
  type: "doc",
  content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
});
function payload(id: number, version: number, overrides: Record<string, unknown> = {}) {
  return {
    id,
    version,
    title: "Governor visits Rome",
    slug: `governor-visits-rome-${id}`,
    summary: "A short visit.",
    categoryId: 1,
    datelineDate: "2026-02-05",
    signatories: [],
    tags: ["Rome"],
    body: body("The governor met the mayor on Monday."),
    ...overrides,
  };
}
/** An item with two saves: the first words, then a second set with some words replaced. */
async function itemWithTwoSaves() {
  const { id } = await drafts.createArticle();
  await drafts.saveArticleDraft(payload(id, 1));
  await drafts.saveArticleDraft(
    payload(id, 2, {
      title: "Governor visits Rome and Milan",
      summary: "A short visit.",
      body: body("The governor met the deputy mayor on Tuesday.", "A second paragraph."),
    }),
  );
  return id;
}

describe("revision history", () => {
  it("lists every save, newest first, with who saved, when, the edition and the version", async ({ actAs }) => {
    actAs("writer");
    const id = await itemWithTwoSaves();
    actAs("editor");
    const history = await revisions.listRevisions({ articleId: id });
    expect(history.article).toMatchObject({ id, title: "Governor visits Rome and Milan", canRestore: true });
    expect(history.revisions).toHaveLength(2);
    expect(history.revisions.map((r) => r.articleVersion)).toEqual([3, 2]);
    expect(history.revisions[0]).toMatchObject({ editionNumber: 1, savedBy: "Wakana Writer", title: "Governor visits Rome and Milan" });
    expect(Date.parse(history.revisions[0]!.savedAt)).not.toBeNaN();
  });

  it("refuses an unknown item and anyone signed out", async ({ actAs }) => {
    actAs("writer");
    expect((await failure(revisions.listRevisions({ articleId: 999_999 }))).status).toBe(404);
    actAs(null);
    expect((await failure(revisions.listRevisions({ articleId: 1 }))).status).toBe(401);
  });

  it("shows exactly the inserted and deleted words between two saves", async ({ actAs }) => {
    actAs("writer");
    const id = await itemWithTwoSaves();
    const [newer, older] = (await revisions.listRevisions({ articleId: id })).revisions;
    const diff = await revisions.diffRevisions({ articleId: id, fromId: older!.id, toId: newer!.id });
    const inserted = (parts: typeof diff.body) => parts.filter((p) => p.added).map((p) => p.value.trim());
    const deleted = (parts: typeof diff.body) => parts.filter((p) => p.removed).map((p) => p.value.trim());

    expect(diff.changed).toBe(true);
    expect(inserted(diff.title)).toEqual(["and Milan"]);
    expect(deleted(diff.title)).toEqual([]);
    expect(diff.summary).toEqual([{ value: "A short visit." }]);
    expect(inserted(diff.body)).toEqual(["deputy", "Tuesday", "A second paragraph."]);
    expect(deleted(diff.body)).toEqual(["Monday"]);
    // Joining the unchanged and inserted parts gives the newer text; unchanged and deleted, the older.
    expect(
      diff.body
        .filter((p) => !p.removed)
        .map((p) => p.value)
        .join(""),
    ).toBe("The governor met the deputy mayor on Tuesday.\n\nA second paragraph.");
    expect(
      diff.body
        .filter((p) => !p.added)
        .map((p) => p.value)
        .join("")
        .replace(/\s+/g, " ")
        .trim(),
    ).toBe("The governor met the mayor on Monday.");
    expect(diff.from.id).toBe(older!.id);
    expect(diff.to.id).toBe(newer!.id);
  });

  it("finds no change between a save and itself, and refuses saves of another item", async ({ actAs }) => {
    actAs("writer");
    const id = await itemWithTwoSaves();
    const other = await itemWithTwoSaves();
    const [newest] = (await revisions.listRevisions({ articleId: id })).revisions;
    const [foreign] = (await revisions.listRevisions({ articleId: other })).revisions;
    expect((await revisions.diffRevisions({ articleId: id, fromId: newest!.id, toId: newest!.id })).changed).toBe(false);
    expect((await failure(revisions.diffRevisions({ articleId: id, fromId: newest!.id, toId: foreign!.id }))).status).toBe(404);
    expect((await failure(revisions.diffRevisions({ articleId: id, fromId: -1, toId: newest!.id }))).status).toBe(400);
  });
});

describe("restoring a revision", () => {
  it("brings the old words back as a new save at the next version, and audits it", async ({ db, staff, actAs }) => {
    actAs("writer");
    const id = await itemWithTwoSaves();
    const [, first] = (await revisions.listRevisions({ articleId: id })).revisions;
    const saved = await revisions.restoreRevision({ articleId: id, revisionId: first!.id });
    expect(saved.version).toBe(4);

    const [edition] = await db.select().from(articleEditions).where(eq(articleEditions.articleId, id));
    expect(edition).toMatchObject({
      title: "Governor visits Rome",
      body: body("The governor met the mayor on Monday."),
      lastEditedById: staff.writer.id,
    });
    const history = await revisions.listRevisions({ articleId: id });
    expect(history.revisions).toHaveLength(3);
    expect(history.revisions[0]).toMatchObject({ articleVersion: 4, title: "Governor visits Rome" });
    const diff = await revisions.diffRevisions({ articleId: id, fromId: first!.id, toId: history.revisions[0]!.id });
    expect(diff.changed).toBe(false);

    const [audit] = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(audit).toMatchObject({ action: "article.restore_revision", outcome: "ok", actorId: staff.writer.id, targetId: String(id) });
  });

  it("refuses a writer restoring an editor's item (403, audited) and changes nothing", async ({ db, staff, actAs }) => {
    actAs("editor");
    const id = await itemWithTwoSaves();
    const [, first] = (await revisions.listRevisions({ articleId: id })).revisions;
    actAs("writer");
    const error = await failure(revisions.restoreRevision({ articleId: id, revisionId: first!.id }));
    expect(error).toMatchObject({ status: 403, code: "forbidden:article" });
    expect((await revisions.listRevisions({ articleId: id })).article.canRestore).toBe(false);
    const [denial] = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(denial).toMatchObject({ action: "article.restore_revision", outcome: "denied", actorId: staff.writer.id });
    const [row] = await db.select().from(articles).where(eq(articles.id, id));
    expect(row!.version).toBe(3);
  });

  it("restores into a new draft edition of a published item and keeps its address", async ({ db, actAs }) => {
    const [published] = await db.select().from(articles).where(eq(articles.slug, "2026-tokyo-ambassadors-night"));
    actAs("editor");
    await drafts.saveArticleDraft(
      payload(published!.id, published!.version, { slug: published!.slug, title: "Ambassadors Night (corrected)" }),
    );
    const history = await revisions.listRevisions({ articleId: published!.id });
    const saved = await revisions.restoreRevision({ articleId: published!.id, revisionId: history.revisions[0]!.id });
    expect(saved).toMatchObject({ editionNumber: 2, slug: published!.slug });
    const [row] = await db.select().from(articles).where(eq(articles.id, published!.id));
    expect(row).toMatchObject({ slug: published!.slug, status: "published", publishedEditionId: published!.publishedEditionId });
  });

  it("refuses a revision of another item", async ({ actAs }) => {
    actAs("writer");
    const id = await itemWithTwoSaves();
    const other = await itemWithTwoSaves();
    const [foreign] = (await revisions.listRevisions({ articleId: other })).revisions;
    expect((await failure(revisions.restoreRevision({ articleId: id, revisionId: foreign!.id }))).status).toBe(404);
  });
});

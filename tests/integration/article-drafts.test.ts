import { desc, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { articleEditions, articleRevisions, articles, auditLog } from "@/db/schema";
import { AppError } from "@/lib/errors";
import * as drafts from "@/server/articles/drafts";
import * as queries from "@/server/articles/studio-queries";
import * as publicArticle from "@/server/public/article";
import { integrationTest } from "../support/fixtures";
import { body, draftPayload, failure } from "../support/workflow";

const it = integrationTest();

/** This file's item: the shared draft payload with a Rome story's fields. */
function payload(id: number, version: number, overrides: Record<string, unknown> = {}) {
  return draftPayload(id, version, {
    title: "Governor visits Rome",
    slug: `governor-visits-rome-${id}`,
    summary: "A visit.",
    datelineDate: "2026-02-05",
    tags: ["Rome"],
    body: body("First words."),
    ...overrides,
  });
}

describe("writing news items", () => {
  it("creates a draft owned by the writer and saves it with a new version and a revision", async ({ db, staff, actAs }) => {
    actAs("writer");
    const { id } = await drafts.createArticle();
    const saved = await drafts.saveArticleDraft(payload(id, 1));
    expect(saved.version).toBe(2);
    const loaded = await queries.getArticleForEditing({ id });
    expect(loaded).toMatchObject({ slug: `governor-visits-rome-${id}`, version: 2, author: { id: staff.writer.id } });
    expect(loaded.edition).toMatchObject({ title: "Governor visits Rome", tags: ["Rome"], body: body("First words.") });
    expect(await db.select().from(articleRevisions).where(eq(articleRevisions.articleId, id))).toHaveLength(1);
  });

  it("lets exactly one of two saves from the same version land; the other learns who saved and when", async ({ db, actAs }) => {
    actAs("writer");
    const { id } = await drafts.createArticle();
    const results = await Promise.allSettled([
      drafts.saveArticleDraft(payload(id, 1, { body: body("Writer A text") })),
      drafts.saveArticleDraft(payload(id, 1, { body: body("Writer B text") })),
    ]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.reason).toBeInstanceOf(AppError);
    expect(failed[0]!.reason).toMatchObject({
      code: "conflict:article",
      status: 409,
      details: { savedBy: "Wakana Writer", currentVersion: 2 },
    });
    const [edition] = await db.select().from(articleEditions).where(eq(articleEditions.articleId, id));
    const winner = (ok[0] as PromiseFulfilledResult<{ version: number }>).value;
    expect(winner.version).toBe(2);
    expect(JSON.stringify(edition!.body)).toMatch(/Writer [AB] text/);
  });

  it("refuses fields the editor cannot set, naming them, and writes nothing", async ({ db, staff, actAs }) => {
    actAs("writer");
    const { id } = await drafts.createArticle();
    for (const extra of [{ status: "published" }, { authorId: staff.admin.id }, { guid: "x" }]) {
      const error = await failure(drafts.saveArticleDraft({ ...payload(id, 1), ...extra }));
      expect(error.status).toBe(400);
      expect(error.message).toContain(Object.keys(extra)[0]);
    }
    const [row] = await db.select().from(articles).where(eq(articles.id, id));
    expect(row).toMatchObject({ version: 1, status: "draft", authorId: staff.writer.id });
  });

  it("refuses an unknown node by name and a javascript: link", async ({ actAs }) => {
    actAs("writer");
    const { id } = await drafts.createArticle();
    const unknown = await failure(drafts.saveArticleDraft(payload(id, 1, { body: { type: "doc", content: [{ type: "iframe" }] } })));
    expect(unknown).toMatchObject({ status: 400, message: expect.stringContaining('node "iframe"') });
    const link = {
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] },
      ],
    };
    expect((await failure(drafts.saveArticleDraft(payload(id, 1, { body: link })))).status).toBe(400);
  });

  it("refuses a slug another item uses", async ({ actAs }) => {
    actAs("writer");
    const { id } = await drafts.createArticle();
    const error = await failure(drafts.saveArticleDraft(payload(id, 1, { slug: "2026-tokyo-ambassadors-night" })));
    expect(error).toMatchObject({ code: "conflict:article", details: { fields: { slug: expect.any(String) } } });
  });

  it("keeps writers out of other people's items and logs the denial", async ({ db, staff, actAs }) => {
    actAs("editor");
    const { id } = await drafts.createArticle();
    actAs("writer");
    expect((await failure(drafts.saveArticleDraft(payload(id, 1)))).status).toBe(403);
    const [denial] = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(denial).toMatchObject({ action: "article.save", outcome: "denied", actorId: staff.writer.id, targetId: String(id) });
    actAs("editor");
    actAs("publisher");
    expect((await drafts.saveArticleDraft(payload(id, 1))).version).toBe(2);
  });

  it("starts a new draft edition when a published item is edited; readers keep the published words", async ({ db, actAs }) => {
    const [published] = await db.select().from(articles).where(eq(articles.slug, "2026-tokyo-ambassadors-night"));
    const before = await publicArticle.getPublishedArticleBySlug({ slug: published!.slug });
    actAs("editor");
    const result = await drafts.saveArticleDraft(
      payload(published!.id, published!.version, { slug: published!.slug, title: "2026 Tokyo Ambassadors Night (corrected)" }),
    );
    expect(result.editionNumber).toBe(2);
    expect(await publicArticle.getPublishedArticleBySlug({ slug: published!.slug })).toEqual(before);
    const error = await failure(drafts.saveArticleDraft(payload(published!.id, result.version, { slug: "a-new-address" })));
    expect(error).toMatchObject({ status: 400, details: { fields: { slug: expect.any(String) } } });
  });

  it("answers 401 to a visitor without a session and to a deactivated account", async ({ staff, actAs }) => {
    actAs(null);
    expect((await failure(drafts.createArticle())).status).toBe(401);
    actAs({ id: staff.writer.id, sessionVersion: staff.writer.sessionVersion + 1 });
    expect((await failure(drafts.createArticle())).status).toBe(401);
  });
});

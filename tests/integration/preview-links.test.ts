import { createHash } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, previewLinks } from "@/db/schema";
import * as drafts from "@/server/articles/drafts";
import * as preview from "@/server/workflow/preview";
import * as links from "@/server/workflow/preview-links";
import { failure } from "../support/failure";
import { integrationTest } from "../support/fixtures";
import { actAs } from "../support/session";

const it = integrationTest();

const HOUR = 60 * 60 * 1000;
const body = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

async function draftItem(text = "Draft words nobody outside may read yet.") {
  actAs("writer");
  const { id } = await drafts.createArticle();
  await drafts.saveArticleDraft({
    id,
    version: 1,
    title: "Budget briefing for the press",
    slug: `budget-briefing-${id}`,
    summary: "Embargoed.",
    categoryId: 1,
    datelineDate: "2026-03-01",
    signatories: [],
    tags: [],
    body: body(text),
  });
  return id;
}
const lastAudit = async (db: Database) => (await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0];

describe("staff preview", () => {
  it("renders the newest edition as the public page would, for any staff member", async () => {
    const id = await draftItem();
    actAs("writer");
    const result = await preview.getArticlePreview({ articleId: id });
    expect(result.status).toBe("draft");
    expect(result.edition).toMatchObject({ number: 1, state: "draft" });
    expect(result.article).toMatchObject({
      id,
      slug: `budget-briefing-${id}`,
      title: "Budget briefing for the press",
      summary: "Embargoed.",
    });
    expect(result.article.bodyHtml).toBe("<p>Draft words nobody outside may read yet.</p>");
    actAs(null);
    expect((await failure(preview.getArticlePreview({ articleId: id }))).status).toBe(401);
  });
});

describe("preview links", () => {
  it("lets a publisher create one: the token is returned once and only its SHA-256 is stored", async ({ db, staff }) => {
    const id = await draftItem();
    actAs("publisher");
    const link = await links.createPreviewLink({ articleId: id, expiresIn: "1h" });
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.path).toBe(`/preview/${link.token}`);
    const [row] = await db.select().from(previewLinks).where(eq(previewLinks.id, link.id));
    expect(row!.tokenHash).toBe(createHash("sha256").update(link.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(link.token);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(HOUR);
    expect(await lastAudit(db)).toMatchObject({
      action: "preview_link.create",
      outcome: "ok",
      actorId: staff.publisher.id,
      targetId: String(id),
    });
  });

  it("lasts a day unless told otherwise, and refuses other lifetimes and extra fields", async ({ staff }) => {
    const id = await draftItem();
    actAs("publisher");
    const now = new Date("2026-03-01T00:00:00Z");
    const link = await links.createPreviewLink({ articleId: id }, { now });
    expect(link.expiresAt).toBe("2026-03-02T00:00:00.000Z");
    expect((await failure(links.createPreviewLink({ articleId: id, expiresIn: "30d" }))).status).toBe(400);
    expect((await failure(links.createPreviewLink({ articleId: id, createdById: staff.writer.id }))).status).toBe(400);
    expect((await failure(links.createPreviewLink({ articleId: 999_999 }))).status).toBe(404);
  });

  it("refuses writers and editors (403) and audits the refusal", async ({ db, staff }) => {
    const id = await draftItem();
    for (const person of [staff.writer, staff.editor]) {
      actAs(person);
      expect(await failure(links.createPreviewLink({ articleId: id }))).toMatchObject({ status: 403, code: "forbidden:preview" });
      expect(await lastAudit(db)).toMatchObject({ action: "preview_link.create", outcome: "denied", actorId: person.id });
    }
    expect(await db.select().from(previewLinks).where(eq(previewLinks.articleId, id))).toHaveLength(0);
  });

  it("resolves a valid token to the newest edition without a session, and follows later saves", async () => {
    const id = await draftItem("First draft words.");
    actAs("publisher");
    const link = await links.createPreviewLink({ articleId: id });
    actAs(null);
    const seen = await links.resolvePreviewToken({ token: link.token });
    expect(seen).toMatchObject({ status: "draft", article: { id, title: "Budget briefing for the press" } });
    expect(seen!.article.bodyHtml).toContain("First draft words.");

    actAs("writer");
    await drafts.saveArticleDraft({
      id,
      version: 2,
      title: "Budget briefing, revised",
      slug: `budget-briefing-${id}`,
      summary: "",
      categoryId: 1,
      datelineDate: "2026-03-01",
      signatories: [],
      tags: [],
      body: body("Second draft words."),
    });
    actAs(null);
    const again = await links.resolvePreviewToken({ token: link.token });
    expect(again!.article).toMatchObject({ title: "Budget briefing, revised", bodyHtml: "<p>Second draft words.</p>" });
  });

  it("stops working the moment it is revoked; revoking is audited and listed links drop it", async ({ db, staff }) => {
    const id = await draftItem();
    actAs("publisher");
    const keep = await links.createPreviewLink({ articleId: id, expiresIn: "7d" });
    const revoke = await links.createPreviewLink({ articleId: id });
    expect((await links.listPreviewLinks({ articleId: id })).map((l) => l.id)).toEqual([revoke.id, keep.id]);
    expect((await links.listPreviewLinks({ articleId: id }))[0]).toMatchObject({ createdBy: "Perri Publisher" });

    await links.revokePreviewLink({ articleId: id, linkId: revoke.id });
    expect(await lastAudit(db)).toMatchObject({ action: "preview_link.revoke", outcome: "ok", actorId: staff.publisher.id });
    expect(await links.resolvePreviewToken({ token: revoke.token })).toBeNull();
    expect(await links.resolvePreviewToken({ token: keep.token })).not.toBeNull();
    expect((await links.listPreviewLinks({ articleId: id })).map((l) => l.id)).toEqual([keep.id]);

    actAs("writer");
    expect((await failure(links.revokePreviewLink({ articleId: id, linkId: keep.id }))).status).toBe(403);
    actAs("publisher");
    expect((await failure(links.revokePreviewLink({ articleId: id + 1, linkId: keep.id }))).status).toBe(404);
  });

  it("stops working once it expires", async () => {
    const id = await draftItem();
    actAs("publisher");
    const created = new Date();
    const link = await links.createPreviewLink({ articleId: id, expiresIn: "1h" }, { now: created });
    actAs(null);
    expect(await links.resolvePreviewToken({ token: link.token, now: new Date(created.getTime() + HOUR - 1) })).not.toBeNull();
    expect(await links.resolvePreviewToken({ token: link.token, now: new Date(created.getTime() + HOUR) })).toBeNull();
    expect(await links.resolvePreviewToken({ token: link.token, now: new Date(created.getTime() + 2 * HOUR) })).toBeNull();
    actAs("publisher");
    expect(await links.listPreviewLinks({ articleId: id }, new Date(created.getTime() + 2 * HOUR))).toEqual([]);
  });

  it("gives null for malformed and unknown tokens", async () => {
    for (const token of ["", "short", "a".repeat(44), `${"a".repeat(42)}=`, "../../etc/passwd", 42, null, undefined, "a".repeat(43)]) {
      expect(await links.resolvePreviewToken({ token })).toBeNull();
    }
  });
});

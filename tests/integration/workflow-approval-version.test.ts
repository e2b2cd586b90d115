import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articles } from "@/db/schema";
import { actAs } from "../support/session";
import { staffByRole } from "../support/staff";
import { createTempDatabase } from "../support/temp-db";
import { body, draftPayload, failure } from "../support/workflow";

/** Approval is of the words the reviewer read: approve, schedule and publish name the version seen, and words are locked in review. */
let t: Awaited<ReturnType<typeof createTempDatabase>>;
let staff: Awaited<ReturnType<typeof staffByRole>>;
let drafts: typeof import("@/server/articles/drafts");
let flow: typeof import("@/server/editorial/transitions");
let reviews: typeof import("@/server/workflow/reviews");
let queries: typeof import("@/server/articles/studio-queries");
let reader: typeof import("@/server/public-article");

beforeAll(async () => {
  t = await createTempDatabase({ demo: true });
  process.env.DATABASE_URL = t.url;
  staff = await staffByRole(t.db);
  drafts = await import("@/server/articles/drafts");
  flow = await import("@/server/editorial/transitions");
  reviews = await import("@/server/workflow/reviews");
  queries = await import("@/server/articles/studio-queries");
  reader = await import("@/server/public-article");
});
afterAll(() => t.cleanup());

const versionOf = async (id: number) => (await t.db.select({ v: articles.version }).from(articles).where(eq(articles.id, id)))[0]!.v;

async function submitted(text: string) {
  actAs(staff.writer);
  const { id } = await drafts.createArticle();
  await drafts.saveArticleDraft(draftPayload(id, 1, { slug: `seen-${id}`, body: body(text) }));
  await flow.applyTransition("article", { articleId: id, transition: "submit" });
  return id;
}

describe("words under review", () => {
  it("refuses the author's (auto)save while the item is in review or approved, saying how to change it", async () => {
    const id = await submitted("The bridge opens on Monday.");
    actAs(staff.writer);
    const { version } = await queries.getArticleForEditing({ id });
    const refused = await failure(drafts.saveArticleDraft(draftPayload(id, version, { slug: `seen-${id}`, body: body("The bridge never opens.") })));
    expect(refused).toMatchObject({ code: "conflict:article", status: 409, message: expect.stringMatching(/in review.*return it to draft/i) });
    actAs(staff.editor);
    expect((await failure(drafts.saveArticleDraft(draftPayload(id, version, { slug: `seen-${id}` })))).status).toBe(409);
    actAs(staff.publisher);
    await flow.applyTransition("article", { articleId: id, transition: "approve", version });
    actAs(staff.writer);
    const approved = await failure(drafts.saveArticleDraft(draftPayload(id, await versionOf(id), { slug: `seen-${id}`, body: body("The bridge never opens.") })));
    expect(approved).toMatchObject({ status: 409, message: expect.stringMatching(/approved/i) });
  });

  it("requires approve, schedule and publish to name the version the person read", async () => {
    const id = await submitted("Named version.");
    actAs(staff.publisher);
    const missing = await failure(flow.applyTransition("article", { articleId: id, transition: "approve" }));
    expect(missing).toMatchObject({ status: 400, message: expect.stringMatching(/version/i) });
    const version = await versionOf(id);
    expect((await failure(flow.applyTransition("article", { articleId: id, transition: "approve", version: version - 1 }))).code).toBe("conflict:article");
    await flow.applyTransition("article", { articleId: id, transition: "approve", version });
    expect((await failure(flow.applyTransition("article", { articleId: id, transition: "publish" }))).status).toBe(400);
    const future = "2031-02-03T10:00";
    expect((await failure(flow.applyTransition("article", { articleId: id, transition: "schedule", scheduledFor: future }))).status).toBe(400);
    await flow.applyTransition("article", { articleId: id, transition: "publish", version });
  });

  it("refuses to approve words swapped after the publisher read them, and tells the reviewer in the thread", async () => {
    const id = await submitted("The subsidy is 10,000 yen.");
    actAs(staff.publisher);
    const seen = (await queries.getArticleForEditing({ id })).version;
    actAs(staff.writer);
    await flow.applyTransition("article", { articleId: id, transition: "return_to_draft" });
    const now = await queries.getArticleForEditing({ id });
    await drafts.saveArticleDraft(draftPayload(id, now.version, { slug: `seen-${id}`, body: body("The subsidy is 1 yen.") }));
    await flow.applyTransition("article", { articleId: id, transition: "submit" });
    actAs(staff.publisher);
    const stale = await failure(flow.applyTransition("article", { articleId: id, transition: "approve", version: seen }));
    expect(stale).toMatchObject({ code: "conflict:article", status: 409, message: expect.stringMatching(/changed since you opened it.*reload/i) });
    const thread = await reviews.listReviewThread({ articleId: id });
    expect(thread.some((c) => /returned .* to draft/i.test(c.body))).toBe(true);
    const fresh = await versionOf(id);
    expect(fresh).toBeGreaterThan(seen);
    await flow.applyTransition("article", { articleId: id, transition: "approve", version: fresh });
    await flow.applyTransition("article", { articleId: id, transition: "publish", version: fresh });
    expect((await reader.getPublishedArticleBySlug({ slug: `seen-${id}` }))!.bodyHtml).toContain("1 yen");
  });

  it("counts a resubmission without word changes as a new version", async () => {
    const id = await submitted("Same words.");
    const seen = await versionOf(id);
    actAs(staff.writer);
    await flow.applyTransition("article", { articleId: id, transition: "return_to_draft" });
    await flow.applyTransition("article", { articleId: id, transition: "submit" });
    actAs(staff.publisher);
    expect((await failure(flow.applyTransition("article", { articleId: id, transition: "approve", version: seen }))).status).toBe(409);
  });
});

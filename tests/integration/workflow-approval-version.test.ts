import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import type { Database } from "@/db/client";
import { articles } from "@/db/schema";
import * as drafts from "@/server/articles/drafts";
import * as queries from "@/server/articles/studio-queries";
import * as reader from "@/server/public/article";
import * as reviews from "@/server/workflow/reviews";
import * as flow from "@/server/editorial/transitions";
import { integrationTest } from "../support/fixtures";
import { actAs } from "../support/session";
import { body, draftPayload, failure } from "../support/workflow";

const it = integrationTest();

/** Approval is of the words the reviewer read: approve, schedule and publish name the version seen, and words are locked in review. */

const versionOf = async (db: Database, id: number) =>
  (await db.select({ v: articles.version }).from(articles).where(eq(articles.id, id)))[0]!.v;

async function submitted(text: string) {
  actAs("writer");
  const { id } = await drafts.createArticle();
  await drafts.saveArticleDraft(draftPayload(id, 1, { slug: `seen-${id}`, body: body(text) }));
  await flow.applyTransition("article", { articleId: id, transition: "submit" });
  return id;
}

describe("words under review", () => {
  it("refuses the author's (auto)save while the item is in review or approved, saying how to change it", async ({ db }) => {
    const id = await submitted("The bridge opens on Monday.");
    actAs("writer");
    const { version } = await queries.getArticleForEditing({ id });
    const refused = await failure(
      drafts.saveArticleDraft(draftPayload(id, version, { slug: `seen-${id}`, body: body("The bridge never opens.") })),
    );
    expect(refused).toMatchObject({
      code: "conflict:article",
      status: 409,
      message: expect.stringMatching(/in review.*return it to draft/i),
    });
    actAs("editor");
    expect((await failure(drafts.saveArticleDraft(draftPayload(id, version, { slug: `seen-${id}` })))).status).toBe(409);
    actAs("publisher");
    await flow.applyTransition("article", { articleId: id, transition: "approve", version });
    actAs("writer");
    const approved = await failure(
      drafts.saveArticleDraft(draftPayload(id, await versionOf(db, id), { slug: `seen-${id}`, body: body("The bridge never opens.") })),
    );
    expect(approved).toMatchObject({ status: 409, message: expect.stringMatching(/approved/i) });
  });

  it("requires approve, schedule and publish to name the version the person read", async ({ db }) => {
    const id = await submitted("Named version.");
    actAs("publisher");
    const missing = await failure(flow.applyTransition("article", { articleId: id, transition: "approve" }));
    expect(missing).toMatchObject({ status: 400, message: expect.stringMatching(/version/i) });
    const version = await versionOf(db, id);
    expect((await failure(flow.applyTransition("article", { articleId: id, transition: "approve", version: version - 1 }))).code).toBe(
      "conflict:article",
    );
    await flow.applyTransition("article", { articleId: id, transition: "approve", version });
    expect((await failure(flow.applyTransition("article", { articleId: id, transition: "publish" }))).status).toBe(400);
    const future = "2031-02-03T10:00";
    expect((await failure(flow.applyTransition("article", { articleId: id, transition: "schedule", scheduledFor: future }))).status).toBe(
      400,
    );
    await flow.applyTransition("article", { articleId: id, transition: "publish", version });
  });

  it("refuses to approve words swapped after the publisher read them, and tells the reviewer in the thread", async ({ db }) => {
    const id = await submitted("The subsidy is 10,000 yen.");
    actAs("publisher");
    const seen = (await queries.getArticleForEditing({ id })).version;
    actAs("writer");
    await flow.applyTransition("article", { articleId: id, transition: "return_to_draft" });
    const now = await queries.getArticleForEditing({ id });
    await drafts.saveArticleDraft(draftPayload(id, now.version, { slug: `seen-${id}`, body: body("The subsidy is 1 yen.") }));
    await flow.applyTransition("article", { articleId: id, transition: "submit" });
    actAs("publisher");
    const stale = await failure(flow.applyTransition("article", { articleId: id, transition: "approve", version: seen }));
    expect(stale).toMatchObject({
      code: "conflict:article",
      status: 409,
      message: expect.stringMatching(/changed since you opened it.*reload/i),
    });
    const thread = await reviews.listReviewThread({ articleId: id });
    expect(thread.some((c) => /returned .* to draft/i.test(c.body))).toBe(true);
    const fresh = await versionOf(db, id);
    expect(fresh).toBeGreaterThan(seen);
    await flow.applyTransition("article", { articleId: id, transition: "approve", version: fresh });
    await flow.applyTransition("article", { articleId: id, transition: "publish", version: fresh });
    expect((await reader.getPublishedArticleBySlug({ slug: `seen-${id}` }))!.bodyHtml).toContain("1 yen");
  });

  it("counts a resubmission without word changes as a new version", async ({ db }) => {
    const id = await submitted("Same words.");
    const seen = await versionOf(db, id);
    actAs("writer");
    await flow.applyTransition("article", { articleId: id, transition: "return_to_draft" });
    await flow.applyTransition("article", { articleId: id, transition: "submit" });
    actAs("publisher");
    expect((await failure(flow.applyTransition("article", { articleId: id, transition: "approve", version: seen }))).status).toBe(409);
  });
});

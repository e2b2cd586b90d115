import { eq, sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import { auditLog } from "@/db/schema";
import * as drafts from "@/server/articles/drafts";
import * as queries from "@/server/articles/studio-queries";
import * as reviews from "@/server/workflow/reviews";
import * as flow from "@/server/editorial/transitions";
import { integrationTest } from "../support/fixtures";
import { actAs } from "../support/session";
import { body, draftPayload, failure, seenVersion } from "../support/workflow";
import { isPublic, writtenAndSubmitted } from "./workflow-fixtures";

const it = integrationTest();

describe("review by a second person", () => {
  it("goes draft → submitted → changes requested → submitted → approved → published, each step by the right person", async ({ db }) => {
    const { id, slug } = await writtenAndSubmitted("Governor inspects flood barriers Sumida");
    actAs("writer");
    expect(
      (await failure(flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "approve" }))).status,
    ).toBe(403);
    actAs("editor");
    expect((await failure(flow.applyTransition("article", { articleId: id, transition: "request_changes" }))).status).toBe(400);
    await flow.applyTransition("article", { articleId: id, transition: "request_changes", comment: "Add the date of the inspection." });
    actAs("writer");
    const thread = await reviews.listReviewThread({ articleId: id });
    expect(thread.at(-1)).toMatchObject({ kind: "changes_requested", body: "Add the date of the inspection.", author: "Eiji Editor" });
    const current = await queries.getArticleForEditing({ id });
    await drafts.saveArticleDraft(
      draftPayload(id, current.version, {
        title: "Governor inspects flood barriers Sumida",
        slug,
        body: body("On November 20 the governor inspected Sumida."),
      }),
    );
    await flow.applyTransition("article", { articleId: id, transition: "submit" });
    expect(await isPublic(db, slug, "Sumida")).toEqual({ page: false, listed: false, found: false });
    actAs("publisher");
    await flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "approve" });
    const published = await flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "publish" });
    expect(published.expireTags).toEqual(expect.arrayContaining([`public:article:${slug}`, "public:listings"]));
    expect(await isPublic(db, slug, "Sumida")).toEqual({ page: true, listed: true, found: true });
  });

  it("refuses approval and publication by whoever edited last, and says why", async ({ db, staff }) => {
    const { id, slug } = await writtenAndSubmitted("Publisher edits own words Kiyosumi");
    actAs("publisher");
    // Words in review are locked: the publisher returns the item to draft to edit it, then sends it again.
    await flow.applyTransition("article", { articleId: id, transition: "return_to_draft" });
    const current = await queries.getArticleForEditing({ id });
    await drafts.saveArticleDraft(draftPayload(id, current.version, { slug, title: "Publisher edits own words Kiyosumi" }));
    await flow.applyTransition("article", { articleId: id, transition: "submit" });
    expect((await queries.getArticleForEditing({ id })).transitions).not.toContain("approve");
    const error = await failure(
      flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "approve" }),
    );
    expect(error).toMatchObject({ status: 403, message: expect.stringMatching(/second person/) });
    const [denied] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "article.approve"))
      .orderBy(sql`id desc`)
      .limit(1);
    expect(denied).toMatchObject({ outcome: "denied", actorId: staff.publisher.id });
  });

  it("refuses steps that do not start from the current state", async ({ db }) => {
    const { id } = await writtenAndSubmitted("Out of order steps Nerima");
    actAs("publisher");
    expect(
      (await failure(flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "publish" }))).status,
    ).toBe(409);
    expect((await failure(flow.applyTransition("article", { articleId: id, transition: "unschedule" }))).status).toBe(409);
    expect(
      (
        await failure(
          flow.applyTransition("article", {
            articleId: id,
            version: await seenVersion(db, id),
            transition: "approve",
            status: "published",
          }),
        )
      ).status,
    ).toBe(400);
  });

  it("lets an admin publish without review only with a reason, marks it, and takes a later review", async ({ db }) => {
    actAs("admin");
    const { id } = await drafts.createArticle();
    await drafts.saveArticleDraft(draftPayload(id, 1, { slug: `urgent-${id}`, title: "Urgent evacuation advice Chofu" }));
    expect(
      (await failure(flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "force_publish" })))
        .status,
    ).toBe(400);
    await flow.applyTransition("article", {
      articleId: id,
      version: await seenVersion(db, id),
      transition: "force_publish",
      reason: "Typhoon warning: cannot wait for review.",
    });
    let facts = (await queries.getArticleForEditing({ id })).workflow;
    expect(facts.publishedWithoutReview).toBe(true);
    expect(facts.canConfirmReview).toBe(false);
    actAs("editor");
    await reviews.confirmReviewAfterPublication({ articleId: id });
    facts = (await queries.getArticleForEditing({ id })).workflow;
    expect(facts.publishedWithoutReview).toBe(false);
    actAs("publisher");
    expect(
      (
        await failure(
          flow.applyTransition("article", {
            articleId: id,
            version: await seenVersion(db, id),
            transition: "force_publish",
            reason: "x".repeat(20),
          }),
        )
      ).status,
    ).toBeGreaterThanOrEqual(403);
  });
});

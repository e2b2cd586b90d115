import { eq, sql } from "drizzle-orm";
import { describe, expect, vi } from "vitest";
import type { Database } from "@/db/client";
import { articleEditions, articles, auditLog } from "@/db/schema";
import * as drafts from "@/server/articles/drafts";
import * as queries from "@/server/articles/studio-queries";
import * as publicArticleModule from "@/server/public/article";
import * as publicNewsModule from "@/server/public/news";
import * as reviews from "@/server/workflow/reviews";
import * as scheduler from "@/server/editorial/scheduler";
import * as flow from "@/server/editorial/transitions";
import * as withdrawal from "@/server/workflow/withdrawal";
import { integrationTest } from "../support/fixtures";
import { actAs } from "../support/session";
import { body, draftPayload, failure, seenVersion } from "../support/workflow";

const it = integrationTest();
const reader = { ...publicArticleModule, ...publicNewsModule };

async function writtenAndSubmitted(title: string) {
  actAs("writer");
  const { id } = await drafts.createArticle();
  const saved = await drafts.saveArticleDraft(draftPayload(id, 1, { title, slug: `item-${id}`, body: body(`${title} body text.`) }));
  await flow.applyTransition("article", { articleId: id, transition: "submit" });
  return { id, slug: `item-${id}`, version: saved.version };
}

async function isPublic(db: Database, slug: string, title: string) {
  const page = await reader.getPublishedArticleBySlug({ slug });
  const listed = (await reader.listPublishedArticles({ page: 1 })).items.some((i) => i.slug === slug);
  const [article] = await db.select({ id: articles.id }).from(articles).where(eq(articles.slug, slug));
  const [indexed] = await db.all<{ n: number }>(
    sql`SELECT count(*) AS n FROM article_search WHERE rowid = ${article!.id} AND article_search MATCH ${`"${title}"`}`,
  );
  const found = Number(indexed?.n ?? 0) === 1;
  return { page: page !== null && page.withdrawal === null, listed, found };
}

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

describe("editions and change notes", () => {
  it("keeps the published edition public until the new one is published, then shows the change note", async ({ db }) => {
    const { id, slug } = await writtenAndSubmitted("Meeting on disaster drills Ota");
    actAs("publisher");
    await flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "approve" });
    await flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "publish" });
    const first = await reader.getPublishedArticleBySlug({ slug });
    actAs("writer");
    const current = await queries.getArticleForEditing({ id });
    await drafts.saveArticleDraft(
      draftPayload(id, current.version, { slug, title: "Meeting on disaster drills Ota", body: body("The meeting is on December 3.") }),
    );
    expect(await reader.getPublishedArticleBySlug({ slug })).toEqual(first);
    await flow.applyTransition("article", { articleId: id, transition: "submit" });
    actAs("publisher");
    await flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "approve" });
    expect(
      (await failure(flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "publish" })))
        .details,
    ).toMatchObject({ fields: { changeType: expect.any(String) } });
    expect(
      (
        await failure(
          flow.applyTransition("article", {
            articleId: id,
            version: await seenVersion(db, id),
            transition: "publish",
            changeType: "major",
          }),
        )
      ).details,
    ).toMatchObject({ fields: { changeNote: expect.any(String) } });
    const later = new Date(Date.now() + 86_400_000);
    await flow.applyTransition(
      "article",
      {
        articleId: id,
        version: await seenVersion(db, id),
        transition: "publish",
        changeType: "major",
        changeNote: "Corrected the meeting date",
      },
      { now: later },
    );
    const second = await reader.getPublishedArticleBySlug({ slug });
    expect(second!.bodyHtml).toContain("December 3");
    expect(second!.changes).toEqual([{ date: expect.any(String), note: "Corrected the meeting date" }]);
    expect(second!.updatedAt).not.toBe(first!.updatedAt);
    expect(second!.firstPublishedAt).toBe(first!.firstPublishedAt);
    const editions = await db.select().from(articleEditions).where(eq(articleEditions.articleId, id));
    expect(editions.map((e) => e.state).sort()).toEqual(["published", "superseded"]);
  });
});

describe("scheduling and embargo", () => {
  it("keeps a scheduled item off every public surface until its time, publishes it exactly once, and catches up after a restart", async ({
    db,
  }) => {
    const t0 = new Date("2030-01-01T00:00:00Z");
    const { id, slug } = await writtenAndSubmitted("Embargoed budget statement Koganei");
    actAs("publisher");
    await flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "approve" });
    expect(
      (
        await failure(
          flow.applyTransition("article", {
            articleId: id,
            version: await seenVersion(db, id),
            transition: "schedule",
            scheduledFor: "2020-01-01T09:00",
          }),
        )
      ).status,
    ).toBe(400);
    await flow.applyTransition(
      "article",
      { articleId: id, version: await seenVersion(db, id), transition: "schedule", scheduledFor: "2030-01-01T09:10" },
      { now: t0 },
    ); // 00:10 UTC
    expect((await queries.getDashboard()).scheduled.map((r) => r.id)).toContain(id);

    const early = await scheduler.publishDue(new Date("2030-01-01T00:05:00Z"));
    expect(early.published.article).not.toContain(id);
    expect(await isPublic(db, slug, "Koganei")).toEqual({ page: false, listed: false, found: false });

    // A "restarted" process runs its catch-up long after the time: published once.
    const catchUp = await scheduler.publishDue(new Date("2030-01-01T01:00:00Z"));
    expect(catchUp.published.article).toContain(id);
    expect(catchUp.expireTags).toContain(`public:article:${slug}`);
    const again = await scheduler.publishDue(new Date("2030-01-01T01:00:30Z"));
    expect(again.published.article).not.toContain(id);
    const fired = await db
      .select()
      .from(auditLog)
      .where(sql`action = 'article.scheduled_publish' AND target_id = ${String(id)}`);
    expect(fired).toHaveLength(1);
    expect(await isPublic(db, slug, "Koganei")).toEqual({ page: true, listed: true, found: true });
    expect(await scheduler.lastSchedulerRun()).toEqual(new Date("2030-01-01T01:00:30Z"));
  });

  it("runs two scheduler ticks at once without publishing twice", async ({ db }) => {
    const { id } = await writtenAndSubmitted("Concurrent ticks Hachioji");
    actAs("publisher");
    await flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "approve" });
    await flow.applyTransition(
      "article",
      { articleId: id, version: await seenVersion(db, id), transition: "schedule", scheduledFor: "2031-01-01T09:00" },
      { now: new Date("2030-06-01T00:00:00Z") },
    );
    const at = new Date("2031-01-01T00:00:01Z");
    const [a, b] = await Promise.all([scheduler.publishDue(at), scheduler.publishDue(at)]);
    expect([...a.published.article, ...b.published.article].filter((x) => x === id)).toHaveLength(1);
  });

  it("flags a scheduled item that cannot go live instead of failing silently, and unschedule returns it to approved", async ({ db }) => {
    const { id } = await writtenAndSubmitted("Flagged schedule Fuchu");
    actAs("publisher");
    await flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "approve" });
    await flow.applyTransition(
      "article",
      { articleId: id, version: await seenVersion(db, id), transition: "schedule", scheduledFor: "2032-01-01T09:00" },
      { now: new Date("2031-06-01T00:00:00Z") },
    );
    // Simulate a storage fault on this one article's row.
    await db.run(
      sql.raw(
        `CREATE TRIGGER fail_publish BEFORE UPDATE OF status ON articles WHEN NEW.id = ${id} BEGIN SELECT RAISE(ABORT, 'simulated disk fault'); END`,
      ),
    );
    // The fault is logged for the operator; caught here so the expected failure prints no stack trace.
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const run = await scheduler.publishDue(new Date("2032-01-01T00:00:01Z"));
    const loggedCalls = [...logged.mock.calls];
    logged.mockRestore();
    await db.run(sql`DROP TRIGGER fail_publish`);
    expect(loggedCalls).toEqual([
      [
        "Scheduled publication failed",
        expect.objectContaining({ cause: expect.objectContaining({ message: expect.stringContaining("simulated disk fault") }) }),
      ],
    ]);
    expect(run.failed.article.map((f) => f.id)).toContain(id);
    expect((await queries.getDashboard()).failedSchedules.map((r) => r.id)).toContain(id);
    await flow.applyTransition("article", { articleId: id, transition: "unschedule" });
    const [edition] = await db.select().from(articleEditions).where(eq(articleEditions.articleId, id));
    expect(edition).toMatchObject({ state: "approved", scheduledFor: null, scheduleError: null });
  });
});

describe("withdrawal", () => {
  it("keeps the page with a notice, removes the item from listings and search, and restores it", async ({ db }) => {
    const { id, slug } = await writtenAndSubmitted("Withdrawn notice Mitaka");
    actAs("publisher");
    await flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "approve" });
    await flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "publish" });
    expect((await failure(withdrawal.withdrawArticle({ articleId: id, explanation: "short" }))).status).toBe(400);
    actAs("editor");
    expect((await failure(withdrawal.withdrawArticle({ articleId: id, explanation: "Published in error before the event." }))).status).toBe(
      403,
    );
    actAs("publisher");
    await withdrawal.withdrawArticle({ articleId: id, explanation: "Published in error before the event." });
    const page = await reader.getPublishedArticleBySlug({ slug });
    expect(page?.withdrawal).toMatchObject({ explanation: "Published in error before the event." });
    expect(await isPublic(db, slug, "Mitaka")).toEqual({ page: false, listed: false, found: false });
    await withdrawal.restoreWithdrawnArticle({ articleId: id });
    expect(await isPublic(db, slug, "Mitaka")).toEqual({ page: true, listed: true, found: true });
    const [row] = await db.select().from(articles).where(eq(articles.id, id));
    expect(row!.status).toBe("published");
  });
});

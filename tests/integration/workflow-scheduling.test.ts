import { eq, sql } from "drizzle-orm";
import { describe, expect, vi } from "vitest";
import { articleEditions, auditLog } from "@/db/schema";
import * as queries from "@/server/articles/studio-queries";
import * as scheduler from "@/server/editorial/scheduler";
import * as flow from "@/server/editorial/transitions";
import { integrationTest } from "../support/fixtures";
import { actAs } from "../support/session";
import { failure, seenVersion } from "../support/workflow";
import { isPublic, writtenAndSubmitted } from "./workflow-fixtures";

const it = integrationTest();

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

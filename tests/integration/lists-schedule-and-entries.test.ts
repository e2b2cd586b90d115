import { and, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { auditLog } from "@/db/schema";
import * as lists from "@/server/lists/lists";
import * as scheduler from "@/server/editorial/scheduler";
import * as flow from "@/server/editorial/transitions";
import { integrationTest } from "../support/fixtures";
import { actAs } from "../support/session";
import { failure, seenListVersion } from "../support/workflow";
import { entry, listFor, rec, seminar, shown } from "./lists-fixtures";

const it = integrationTest();

describe("list workflow", () => {
  it("publishes a scheduled edition when it is due, exactly once", async ({ db }) => {
    const { id } = await listFor(db, rec(6), [8]);
    actAs("writer");
    await flow.applyTransition("list", { listId: id, transition: "submit" });
    actAs("publisher");
    await flow.applyTransition("list", { listId: id, version: await seenListVersion(db, id), transition: "approve" });
    const now = new Date();
    const at = new Date(now.getTime() + 3_600_000);
    const local = new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 16);
    await flow.applyTransition(
      "list",
      { listId: id, version: await seenListVersion(db, id), transition: "schedule", scheduledFor: local },
      { now },
    );
    expect((await scheduler.publishDue(now)).published.list).not.toContain(id);
    expect(await shown(db, rec(6))).toEqual(seminar.recommended.map((r) => r.title).filter((x) => x !== rec(6)));
    const later = new Date(at.getTime() + 60_000);
    const [first, second] = await Promise.all([scheduler.publishDue(later), scheduler.publishDue(later)]);
    expect([...first.published.list, ...second.published.list].filter((l) => l === id)).toHaveLength(1);
    expect((await scheduler.publishDue(later)).published.list).toEqual([]);
    expect(await shown(db, rec(6))).toEqual([rec(8)]);
    const fired = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "list.scheduled_publish"), eq(auditLog.targetId, String(id))));
    expect(fired).toHaveLength(1);
  });

  it("refuses bad entries by name: unknown fields, duplicates, its own article, unpublished items, unsafe links, too many", async ({
    db,
  }) => {
    const { id, version, target } = await listFor(db, rec(2), []);
    const base = { listId: id, version, name: "Bad", maxItems: 2, fillFromCategory: false };
    const unknown = await failure(lists.saveRecommendationListDraft({ ...base, entries: [], status: "published" }));
    expect(unknown).toMatchObject({ status: 400, message: expect.stringContaining("status") });
    const e1 = await entry(db, 1);
    expect((await failure(lists.saveRecommendationListDraft({ ...base, entries: [e1, e1] }))).message).toMatch(/already on the list/);
    expect(
      (await failure(lists.saveRecommendationListDraft({ ...base, entries: [{ kind: "article", articleId: target.id }] }))).message,
    ).toMatch(/cannot recommend the item/);
    expect(
      (await failure(lists.saveRecommendationListDraft({ ...base, entries: [{ kind: "article", articleId: 99_999 }] }))).message,
    ).toMatch(/Only published/);
    expect(
      (
        await failure(
          lists.saveRecommendationListDraft({
            ...base,
            entries: [{ kind: "external", url: "javascript:alert(1)", title: "x", date: "2026-01-01" }],
          }),
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await failure(
          lists.saveRecommendationListDraft({
            ...base,
            entries: [{ kind: "external", url: "https://example.org", title: "x", date: "2026-02-30" }],
          }),
        )
      ).status,
    ).toBe(400);
    expect(
      (await failure(lists.saveRecommendationListDraft({ ...base, entries: [e1, await entry(db, 3), await entry(db, 4)] }))).message,
    ).toMatch(/at most 2/);
    expect((await failure(lists.createRecommendationList({ name: "x", placement: "default", maxItems: 21 }))).status).toBe(400);
    const ok = await lists.saveRecommendationListDraft({
      ...base,
      entries: [
        e1,
        { kind: "external", url: "https://www.metro.tokyo.lg.jp/", title: "Tokyo Metropolitan Government", date: "2026-02-01" },
      ],
    });
    expect(ok.version).toBe(version + 1);
  });
});

import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articles, auditLog } from "@/db/schema";
import { actAs } from "../support/session";
import { staffByRole } from "../support/staff";
import { createTempDatabase } from "../support/temp-db";
import { failure, seenListVersion } from "../support/workflow";

/** Recommended lists behave like articles: entries are locked in review, and releasing steps name the version read. */
let t: Awaited<ReturnType<typeof createTempDatabase>>;
let staff: Awaited<ReturnType<typeof staffByRole>>;
let lists: typeof import("@/server/lists/lists");
let flow: typeof import("@/server/editorial/transitions");
let articleIds: number[];

beforeAll(async () => {
  t = await createTempDatabase({ demo: true });
  process.env.DATABASE_URL = t.url;
  staff = await staffByRole(t.db);
  lists = await import("@/server/lists/lists");
  flow = await import("@/server/editorial/transitions");
  articleIds = (await t.db.select({ id: articles.id }).from(articles).where(eq(articles.status, "published"))).map((a) => a.id);
});
afterAll(() => t.cleanup());

const save = (listId: number, version: number, articleId: number) =>
  lists.saveRecommendationListDraft({ listId, version, name: "Picks", maxItems: 5, fillFromCategory: false, entries: [{ kind: "article", articleId }] });

async function submittedList() {
  actAs(staff.writer);
  const { id, version } = await lists.createRecommendationList({ name: "Picks", placement: "default" });
  await save(id, version, articleIds[0]!);
  await flow.applyTransition("list", { listId: id, transition: "submit" });
  return id;
}

describe("list words under review", () => {
  it("refuses saving a list in review with the reason, instead of starting a second edition", async () => {
    const id = await submittedList();
    const refused = await failure(save(id, await seenListVersion(t.db, id), articleIds[1]!));
    expect(refused).toMatchObject({ code: "conflict:list", status: 409, message: expect.stringMatching(/in review.*return it to draft/i) });
  });

  it("requires approve and publish to name the version read, and refuses one read before a resubmission", async () => {
    const id = await submittedList();
    actAs(staff.publisher);
    const seen = await seenListVersion(t.db, id);
    expect((await failure(flow.applyTransition("list", { listId: id, transition: "approve" }))).status).toBe(400);
    actAs(staff.writer);
    await flow.applyTransition("list", { listId: id, transition: "return_to_draft" });
    await save(id, await seenListVersion(t.db, id), articleIds[1]!);
    await flow.applyTransition("list", { listId: id, transition: "submit" });
    actAs(staff.publisher);
    const stale = await failure(flow.applyTransition("list", { listId: id, transition: "approve", version: seen }));
    expect(stale).toMatchObject({ code: "conflict:list", status: 409, message: expect.stringMatching(/changed since you opened it/) });
    const [returned] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "list.return_to_draft"), eq(auditLog.targetId, String(id))));
    expect(returned).toBeDefined();
    const fresh = await seenListVersion(t.db, id);
    await flow.applyTransition("list", { listId: id, transition: "approve", version: fresh });
    expect((await failure(flow.applyTransition("list", { listId: id, transition: "publish" }))).status).toBe(400);
    await flow.applyTransition("list", { listId: id, transition: "publish", version: fresh });
  });
});

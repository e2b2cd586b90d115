import { and, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { articles, auditLog } from "@/db/schema";
import * as lists from "@/server/lists/lists";
import * as flow from "@/server/editorial/transitions";
import { integrationTest } from "../support/fixtures";
import { actAs } from "../support/session";
import { failure, seenListVersion } from "../support/workflow";

const it = integrationTest();

/** Recommended lists behave like articles: entries are locked in review, and releasing steps name the version read. */
let articleIds: number[];

it.beforeAll(async ({ db }) => {
  articleIds = (await db.select({ id: articles.id }).from(articles).where(eq(articles.status, "published"))).map((a) => a.id);
});

const save = (listId: number, version: number, articleId: number) =>
  lists.saveRecommendationListDraft({
    listId,
    version,
    name: "Picks",
    maxItems: 5,
    fillFromCategory: false,
    entries: [{ kind: "article", articleId }],
  });

async function submittedList() {
  actAs("writer");
  const { id, version } = await lists.createRecommendationList({ name: "Picks", placement: "default" });
  await save(id, version, articleIds[0]!);
  await flow.applyTransition("list", { listId: id, transition: "submit" });
  return id;
}

describe("list words under review", () => {
  it("refuses saving a list in review with the reason, instead of starting a second edition", async ({ db }) => {
    const id = await submittedList();
    const refused = await failure(save(id, await seenListVersion(db, id), articleIds[1]!));
    expect(refused).toMatchObject({ code: "conflict:list", status: 409, message: expect.stringMatching(/in review.*return it to draft/i) });
  });

  it("requires approve and publish to name the version read, and refuses one read before a resubmission", async ({ db }) => {
    const id = await submittedList();
    actAs("publisher");
    const seen = await seenListVersion(db, id);
    expect((await failure(flow.applyTransition("list", { listId: id, transition: "approve" }))).status).toBe(400);
    actAs("writer");
    await flow.applyTransition("list", { listId: id, transition: "return_to_draft" });
    await save(id, await seenListVersion(db, id), articleIds[1]!);
    await flow.applyTransition("list", { listId: id, transition: "submit" });
    actAs("publisher");
    const stale = await failure(flow.applyTransition("list", { listId: id, transition: "approve", version: seen }));
    expect(stale).toMatchObject({ code: "conflict:list", status: 409, message: expect.stringMatching(/changed since you opened it/) });
    const [returned] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "list.return_to_draft"), eq(auditLog.targetId, String(id))));
    expect(returned).toBeDefined();
    const fresh = await seenListVersion(db, id);
    await flow.applyTransition("list", { listId: id, transition: "approve", version: fresh });
    expect((await failure(flow.applyTransition("list", { listId: id, transition: "publish" }))).status).toBe(400);
    await flow.applyTransition("list", { listId: id, transition: "publish", version: fresh });
  });
});

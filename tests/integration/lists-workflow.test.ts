import { eq, sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import { auditLog, recommendationListItems, recommendationLists } from "@/db/schema";
import { slugify } from "@/lib/slug";
import * as lists from "@/server/lists/lists";
import { getRecommendationListForEditing } from "@/server/lists/for-editing";
import { listRecommendationListEditions } from "@/server/lists/history";
import { listRecommendationLists } from "@/server/lists/summaries";
import * as flow from "@/server/editorial/transitions";
import * as reader from "@/server/public/article";
import { integrationTest } from "../support/fixtures";
import { actAs } from "../support/session";
import { failure, seenListVersion } from "../support/workflow";
import { communique, entry, listFor, publishAs, rec, seminar, shown, articleByTitle } from "./lists-fixtures";

const it = integrationTest();

describe("the seeded default list", () => {
  it("shows the seed page's ten titles and dates, in order, under the seminar article", async ({ db }) => {
    const page = await articleByTitle(db, seminar.title);
    expect(slugify(seminar.title)).toBeTruthy();
    const items = await reader.getRecommendationsForArticle({ articleId: page.id, categorySlug: page.categorySlug });
    expect(seminar.recommended).toHaveLength(10);
    expect(items.map((i) => ({ title: i.title, date: i.datelineDate }))).toEqual(seminar.recommended);
    actAs("writer");
    const [listed] = await listRecommendationLists();
    const editing = await getRecommendationListForEditing({ listId: listed!.id });
    expect(editing.edition).toMatchObject({ number: 1, state: "published" });
    expect(editing.entries.map((e) => ({ title: e.title, date: e.datelineDate }))).toEqual(seminar.recommended);
  });
});

describe("list workflow", () => {
  it("goes draft → review → published by a second person; the article shows exactly its three, others the default", async ({ db }) => {
    const { id } = await listFor(db, communique.title, [4, 1, 7]);
    expect(await shown(db, communique.title)).toHaveLength(10);
    await flow.applyTransition("list", { listId: id, transition: "submit" });
    expect(
      (await failure(flow.applyTransition("list", { listId: id, version: await seenListVersion(db, id), transition: "approve" }))).status,
    ).toBe(403);
    actAs("editor");
    expect(
      (await failure(flow.applyTransition("list", { listId: id, version: await seenListVersion(db, id), transition: "approve" }))).status,
    ).toBe(403);
    expect((await failure(flow.applyTransition("list", { listId: id, transition: "request_changes" }))).status).toBe(400);
    await flow.applyTransition("list", { listId: id, transition: "request_changes", comment: "Put the Paris visit first." });
    actAs("writer");
    const current = await getRecommendationListForEditing({ listId: id });
    expect(current.edition.state).toBe("changes_requested");
    await lists.saveRecommendationListDraft({
      listId: id,
      version: current.version,
      name: "Three picks",
      maxItems: 5,
      fillFromCategory: false,
      entries: await Promise.all([1, 4, 7].map((i) => entry(db, i))),
    });
    await flow.applyTransition("list", { listId: id, transition: "submit" });
    actAs("publisher");
    expect(
      (await failure(flow.applyTransition("list", { listId: id, version: await seenListVersion(db, id), transition: "publish" }))).status,
    ).toBe(409);
    await flow.applyTransition("list", { listId: id, version: await seenListVersion(db, id), transition: "approve" });
    const done = await flow.applyTransition("list", { listId: id, version: await seenListVersion(db, id), transition: "publish" });
    expect(done.expireTags).toEqual(expect.arrayContaining(["public:recommendations", "public:listings"]));
    expect(await shown(db, communique.title)).toEqual([rec(1), rec(4), rec(7)]);
    expect(await shown(db, seminar.title)).toEqual(seminar.recommended.map((r) => r.title));
    const items = await db.select().from(recommendationListItems).where(eq(recommendationListItems.listId, id));
    expect(items).toHaveLength(3);
  });

  it("refuses approval by whoever edited last (two-person rule) and audits the denial", async ({ db, staff }) => {
    const { id, version } = await listFor(db, rec(0), [2]);
    actAs("publisher");
    await lists.saveRecommendationListDraft({
      listId: id,
      version,
      name: "Publisher touched it",
      maxItems: 5,
      fillFromCategory: false,
      entries: [await entry(db, 3)],
    });
    await flow.applyTransition("list", { listId: id, transition: "submit" });
    expect((await getRecommendationListForEditing({ listId: id })).transitions).not.toContain("approve");
    const error = await failure(
      flow.applyTransition("list", { listId: id, version: await seenListVersion(db, id), transition: "approve" }),
    );
    expect(error).toMatchObject({ status: 403, code: "forbidden:list", message: expect.stringMatching(/second person/) });
    const [denied] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "list.approve"))
      .orderBy(sql`id desc`)
      .limit(1);
    expect(denied).toMatchObject({ outcome: "denied", actorId: staff.publisher.id });
    actAs("admin");
    await flow.applyTransition("list", { listId: id, version: await seenListVersion(db, id), transition: "approve" });
    await flow.applyTransition("list", { listId: id, version: await seenListVersion(db, id), transition: "publish" });
    expect(await shown(db, rec(0))).toEqual([rec(3)]);
  });

  it("keeps the published edition live while edition 2 is drafted, and records who did what", async ({ db }) => {
    const { id } = await listFor(db, rec(5), [0, 1]);
    await publishAs(db, id);
    actAs("writer");
    const current = await getRecommendationListForEditing({ listId: id });
    const saved = await lists.saveRecommendationListDraft({
      listId: id,
      version: current.version,
      name: "Second thoughts",
      maxItems: 5,
      fillFromCategory: false,
      entries: [await entry(db, 9)],
    });
    expect(saved.editionNumber).toBe(2);
    expect(await shown(db, rec(5))).toEqual([rec(0), rec(1)]);
    const stale = await failure(
      lists.saveRecommendationListDraft({
        listId: id,
        version: current.version,
        name: "Stale",
        maxItems: 5,
        fillFromCategory: false,
        entries: [],
      }),
    );
    expect(stale).toMatchObject({ status: 409, code: "conflict:list", message: expect.stringMatching(/Wendy Writer|Writer/) });
    await publishAs(db, id);
    expect(await shown(db, rec(5))).toEqual([rec(9)]);
    const history = await listRecommendationListEditions({ listId: id });
    expect(history.map((h) => [h.number, h.state])).toEqual([
      [2, "published"],
      [1, "superseded"],
    ]);
    expect(history[0]).toMatchObject({
      name: "Second thoughts",
      lastEditedBy: expect.any(String),
      reviewedBy: expect.any(String),
      publishedBy: expect.any(String),
    });
    const [row] = await db.select().from(recommendationLists).where(eq(recommendationLists.id, id));
    expect(row).toMatchObject({ name: "Second thoughts", status: "published" });
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import type { Database } from "@/db/client";
import {
  articleEditions,
  articles,
  auditLog,
  categories,
  recommendationListEditions,
  recommendationListItems,
  recommendationLists,
  type Role,
} from "@/db/schema";
import { parseSeedDocument } from "@/lib/content/seed-parser";
import { slugify } from "@/lib/slug";
import * as articleList from "@/server/lists/article-list";
import * as health from "@/server/lists/health";
import * as lists from "@/server/lists/lists";
import { getRecommendationListForEditing } from "@/server/lists/for-editing";
import { listRecommendationListEditions } from "@/server/lists/history";
import { listRecommendationLists } from "@/server/lists/summaries";
import * as scheduler from "@/server/editorial/scheduler";
import * as flow from "@/server/editorial/transitions";
import * as reader from "@/server/public/article";
import * as withdrawal from "@/server/workflow/withdrawal";
import { integrationTest } from "../support/fixtures";
import { actAs } from "../support/session";
import { SEEDS_DIR } from "../support/temp-db";
import { failure, seenListVersion } from "../support/workflow";

const it = integrationTest();

const seminar = parseSeedDocument(readFileSync(join(SEEDS_DIR, "governor-meets-global-partners-seminar.txt"), "utf8"));
const communique = parseSeedDocument(readFileSync(join(SEEDS_DIR, "joint-communique-rome-tokyo.txt"), "utf8"));

async function articleByTitle(db: Database, title: string) {
  const [row] = await db
    .select({ id: articles.id, categoryId: articles.categoryId })
    .from(articles)
    .innerJoin(articleEditions, eq(articleEditions.id, articles.publishedEditionId))
    .where(eq(articleEditions.title, title));
  if (!row) throw new Error(`no article ${title}`);
  const [category] = await db.select().from(categories).where(eq(categories.id, row.categoryId!));
  return { id: row.id, categorySlug: category!.slug, categoryId: category!.id };
}

const shown = async (db: Database, title: string) => {
  const a = await articleByTitle(db, title);
  return (await reader.getRecommendationsForArticle({ articleId: a.id, categorySlug: a.categorySlug })).map((r) => r.title);
};
const rec = (i: number) => seminar.recommended[i]!.title;
const entry = async (db: Database, i: number) => ({ kind: "article" as const, articleId: (await articleByTitle(db, rec(i))).id });

async function listFor(db: Database, articleTitle: string, picks: number[], extra: Record<string, unknown> = {}) {
  const target = await articleByTitle(db, articleTitle);
  actAs("writer");
  const { id, version } = await lists.createRecommendationList({
    name: `For ${articleTitle.slice(0, 20)}`,
    placement: "article",
    articleId: target.id,
    maxItems: 5,
    ...extra,
  });
  const saved = await lists.saveRecommendationListDraft({
    listId: id,
    version,
    name: "Three picks",
    maxItems: 5,
    fillFromCategory: false,
    entries: await Promise.all(picks.map((i) => entry(db, i))),
    ...extra,
  });
  return { id, version: saved.version, target };
}

async function publishAs(db: Database, listId: number, by: Role = "publisher") {
  actAs("writer");
  await flow.applyTransition("list", { listId, transition: "submit" });
  actAs(by);
  await flow.applyTransition("list", { listId, version: await seenListVersion(db, listId), transition: "approve" });
  return flow.applyTransition("list", { listId, version: await seenListVersion(db, listId), transition: "publish" });
}

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

describe("fill from category and health", () => {
  it("fills the rest with the newest items of the category, never the article itself, marked as filled in the studio", async ({ db }) => {
    const tourism = await articleByTitle(db, "Advisory Council Discusses Promoting Tourism in Tokyo");
    actAs("writer");
    const { id, version } = await lists.createRecommendationList({
      name: "Tourism",
      placement: "category",
      categoryId: tourism.categoryId,
      maxItems: 3,
      fillFromCategory: "on",
    });
    await lists.saveRecommendationListDraft({
      listId: id,
      version,
      name: "Tourism",
      maxItems: 3,
      fillFromCategory: true,
      entries: [await entry(db, 0)],
    });
    await publishAs(db, id);
    const titles = await shown(db, "Advisory Council Discusses Promoting Tourism in Tokyo");
    expect(titles[0]).toBe(rec(0));
    expect(titles).toContain("Governor Meets PR Caravan for Izu-Oshima Camellia Festival");
    expect(titles).not.toContain("Advisory Council Discusses Promoting Tourism in Tokyo");
    expect(new Set(titles).size).toBe(titles.length);
    actAs("writer");
    const preview = await articleList.getListForArticle({ articleId: tourism.id });
    expect(preview.list?.id).toBe(id);
    expect(preview.items.map((i) => [i.title, i.source])).toEqual([
      [rec(0), "picked"],
      ["Governor Meets PR Caravan for Izu-Oshima Camellia Festival", "filled"],
    ]);
    expect(preview.items.map((i) => i.title)).toEqual(titles);
  });

  it("drops a withdrawn item on the next request and flags the list", async ({ db }) => {
    const { id } = await listFor(db, rec(3), [1, 2]);
    await publishAs(db, id);
    expect(await shown(db, rec(3))).toEqual([rec(1), rec(2)]);
    actAs("publisher");
    await withdrawal.withdrawArticle({ articleId: (await articleByTitle(db, rec(2))).id, explanation: "Withdrawn for the health test." });
    expect(await shown(db, rec(3))).toEqual([rec(1)]);
    const flagged = await health.listUnhealthyLists();
    expect(flagged.find((f) => f.listId === id)).toMatchObject({ notPublic: 1, label: "1 item no longer public" });
    const editing = await getRecommendationListForEditing({ listId: id });
    expect(editing.healthLabel).toBe("1 item no longer public");
    expect(editing.entries.find((e) => !e.isPublic)?.title).toBe(rec(2));
    expect((await listRecommendationLists()).find((l) => l.id === id)?.healthLabel).toBe("1 item no longer public");
  });

  it("gives a list made by older code edition 1 from its items when it is first edited", async ({ db }) => {
    const [legacy] = await db
      .insert(recommendationLists)
      .values({ name: "Legacy", placement: "default", status: "draft", maxItems: 4 })
      .returning();
    await db.insert(recommendationListItems).values({ listId: legacy!.id, position: 0, articleId: (await articleByTitle(db, rec(5))).id });
    actAs("editor");
    await lists.saveRecommendationListDraft({
      listId: legacy!.id,
      version: legacy!.version,
      name: "Legacy",
      maxItems: 4,
      fillFromCategory: false,
      entries: [await entry(db, 5), await entry(db, 6)],
    });
    const editions = await db.select().from(recommendationListEditions).where(eq(recommendationListEditions.listId, legacy!.id));
    expect(editions).toHaveLength(1);
    expect(editions[0]!.entries).toHaveLength(2);
  });
});

import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { recommendationListEditions, recommendationListItems, recommendationLists } from "@/db/schema";
import * as articleList from "@/server/lists/article-list";
import * as health from "@/server/lists/health";
import * as lists from "@/server/lists/lists";
import { getRecommendationListForEditing } from "@/server/lists/for-editing";
import { listRecommendationLists } from "@/server/lists/summaries";
import * as withdrawal from "@/server/workflow/withdrawal";
import { integrationTest } from "../support/fixtures";
import { actAs } from "../support/session";
import { entry, listFor, publishAs, rec, shown, articleByTitle } from "./lists-fixtures";

const it = integrationTest();

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

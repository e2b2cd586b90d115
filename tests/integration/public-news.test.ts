import { randomUUID } from "node:crypto";
import { describe, expect } from "vitest";
import { eq } from "drizzle-orm";
import { articleEditions, articles, categories } from "@/db/schema";
import { PAGE_SIZE } from "@/lib/pagination";
import * as news from "@/server/public/news";
import { integrationTest } from "../support/fixtures";

const it = integrationTest({ demo: false });

it.beforeAll(async ({ db }) => {
  const [category] = await db.select().from(categories).limit(1);
  // 25 published items, one per day, and one draft that must never be listed.
  for (let i = 0; i < 26; i++) {
    const published = i < 25;
    const at = new Date(Date.UTC(2026, 0, 1 + i, 3));
    const [a] = await db
      .insert(articles)
      .values({
        slug: `item-${i}`,
        guid: randomUUID(),
        status: published ? "published" : "draft",
        categoryId: category!.id,
        firstPublishedAt: published ? at : null,
      })
      .returning();
    const [e] = await db
      .insert(articleEditions)
      .values({
        articleId: a!.id,
        number: 1,
        state: published ? "published" : "draft",
        title: `Item ${i}`,
        body: { type: "doc", content: [{ type: "paragraph" }] },
        categoryId: category!.id,
        datelineDate: at.toISOString().slice(0, 10),
      })
      .returning();
    await db.update(articles).set({ publishedEditionId: e!.id }).where(eq(articles.id, a!.id));
  }
});

describe("public listings", () => {
  it("pages the latest published news, newest first", async () => {
    const first = await news.listPublishedArticles({ page: 1 });
    expect(first.total).toBe(25);
    expect(first.totalPages).toBe(2);
    expect(first.items).toHaveLength(PAGE_SIZE);
    expect(first.items[0]!.title).toBe("Item 24");
    const second = await news.listPublishedArticles({ page: 2 });
    expect(second.items.map((i) => i.title)).toEqual(["Item 4", "Item 3", "Item 2", "Item 1", "Item 0"]);
  });

  it("returns an empty page past the end (the page answers 404)", async () => {
    const past = await news.listPublishedArticles({ page: 3 });
    expect(past.items).toEqual([]);
    expect(past.page).toBeGreaterThan(past.totalPages);
  });

  it("never lists a draft", async () => {
    const all = [...(await news.listPublishedArticles({ page: 1 })).items, ...(await news.listPublishedArticles({ page: 2 })).items];
    expect(all.map((i) => i.slug)).not.toContain("item-25");
  });

  it("lists by category", async () => {
    const [category] = await news.listCategories();
    const page = await news.listPublishedArticlesByCategory({ categoryId: category!.id, page: 1 });
    expect(page.total).toBe(25);
    expect(await news.getCategoryBySlug({ slug: "no-such-category" })).toBeNull();
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { articles, recommendationLists, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { parseSeedDocument } from "@/lib/content/seed-parser";
import { slugify } from "@/lib/slug";
import * as publicArticleModule from "@/server/public/article";
import * as publicNewsModule from "@/server/public/news";
import { integrationTest } from "../support/fixtures";
import { SEEDS_DIR } from "../support/temp-db";

const it = integrationTest();
const server = { ...publicArticleModule, ...publicNewsModule };

const seminar = parseSeedDocument(readFileSync(join(SEEDS_DIR, "governor-meets-global-partners-seminar.txt"), "utf8"));
const communique = parseSeedDocument(readFileSync(join(SEEDS_DIR, "joint-communique-rome-tokyo.txt"), "utf8"));

/** Text content of rendered HTML, entities decoded, whitespace folded. */
function textOf(html: string) {
  return html
    .replace(/<br\s*\/?>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

describe("demo seed", () => {
  it("imports both seeds, the communiqué's Japanese version and the ten recommended items as published articles", async ({ db }) => {
    const rows = await db.select().from(articles);
    expect(rows).toHaveLength(13);
    expect(rows.every((r) => r.status === "published" && r.publishedEditionId !== null)).toBe(true);
  });

  it("creates one demo account per role with Argon2id hashes", async ({ db }) => {
    const staff = await db.select().from(users);
    expect(staff.map((u) => u.role).sort()).toEqual(["admin", "editor", "publisher", "writer"]);
    expect(staff.every((u) => u.passwordHash?.startsWith("$argon2id$"))).toBe(true);
  });

  it("publishes the communiqué's Japanese version as its linked translation, with its signatories and Japanese category", async () => {
    const english = await server.getPublishedArticleBySlug({ slug: slugify(communique.title) });
    const japanese = await server.getPublishedArticleBySlug({ slug: `${slugify(communique.title)}-ja` });
    expect(japanese).toMatchObject({ language: "ja", datelineDate: "2026-02-05", outOfDate: null });
    expect(japanese!.title).toBe("ローマ市（イタリア共和国）と東京都（日本国）との共同声明");
    expect(japanese!.category.name).toBe("国際関係");
    expect(japanese!.signatories).toEqual([
      { name: "小池 百合子", title: "東京都知事" },
      { name: "ロベルト・グアルティエーリ", title: "ローマ市長" },
    ]);
    expect(textOf(japanese!.bodyHtml)).toContain("東京都知事は、人々の暮らしの基盤である都市の役割が高まる中");
    expect(japanese!.translationOf?.path).toBe(`/news/${english!.slug}`);
    expect(english!.translations).toEqual([{ language: "ja", title: japanese!.title, path: `/ja/news/${japanese!.slug}` }]);
  });

  it("renders every paragraph of the seminar seed, in its category", async () => {
    const article = await server.getPublishedArticleBySlug({ slug: slugify(seminar.title) });
    expect(article?.category.name).toBe("Government");
    const text = textOf(article!.bodyHtml);
    for (const paragraph of seminar.paragraphs) expect(text).toContain(paragraph);
  });

  it("renders every paragraph of the communiqué, its bold title, dateline and signatories", async () => {
    const article = await server.getPublishedArticleBySlug({ slug: slugify(communique.title) });
    expect(article).not.toBeNull();
    const text = textOf(article!.bodyHtml);
    for (const paragraph of communique.paragraphs) expect(text).toContain(paragraph);
    expect(article!.bodyHtml).toContain("<strong>Joint Communiqué of</strong>");
    expect(article!.datelineDate).toBe("2026-02-05");
    expect(article!.signatories).toEqual(communique.signatories);
    expect(article!.firstPublishedAt).toMatch(/\+09:00$/);
  });

  it("recommends the ten seed items under the seminar, in the seed's order, with their dates", async () => {
    const article = await server.getPublishedArticleBySlug({ slug: slugify(seminar.title) });
    const recommended = await server.getRecommendationsForArticle({
      articleId: article!.id,
      categorySlug: article!.category.slug,
    });
    expect(recommended.map((r) => ({ title: r.title, date: r.datelineDate }))).toEqual(seminar.recommended);
  });

  it("never lists an article in its own recommendations, nor an unpublished one", async ({ db }) => {
    const target = await server.getPublishedArticleBySlug({ slug: slugify(seminar.recommended[0]!.title) });
    const own = await server.getRecommendationsForArticle({ articleId: target!.id, categorySlug: target!.category.slug });
    expect(own.map((r) => r.title)).not.toContain(seminar.recommended[0]!.title);
    expect(own).toHaveLength(9);

    const second = slugify(seminar.recommended[1]!.title);
    await db.update(articles).set({ status: "draft" }).where(eq(articles.slug, second));
    const after = await server.getRecommendationsForArticle({ articleId: target!.id, categorySlug: target!.category.slug });
    expect(after.map((r) => r.title)).not.toContain(seminar.recommended[1]!.title);
    expect(await server.getPublishedArticleBySlug({ slug: second })).toBeNull();
    await db.update(articles).set({ status: "published" }).where(eq(articles.slug, second));
  });

  it("keeps a published default list", async ({ db }) => {
    const lists = await db.select().from(recommendationLists);
    expect(lists).toMatchObject([{ placement: "default", status: "published", maxItems: 10 }]);
  });

  it("refuses to seed demo content twice", async ({ db }) => {
    await expect(seedDemo(db, SEEDS_DIR)).rejects.toThrow();
    expect(await db.select().from(articles)).toHaveLength(13);
  });
});

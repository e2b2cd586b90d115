import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { categories } from "@/db/schema";
import { createTempDatabase } from "../support/temp-db";
import { insertArticle } from "./syndication-fixtures";

/**
 * Issue 14, end to end through server/: text already in the database from
 * before input was cleaned — a vertical tab in a title, a NUL in a category
 * name, a lone surrogate in the body — must not break any public feed or
 * sitemap. The output is safe by construction, not only the input.
 */
let t: Awaited<ReturnType<typeof createTempDatabase>>;
let feeds: typeof import("@/server/public/feeds");
let sitemap: typeof import("@/server/public/sitemap");

async function wellFormed(name: string, xml: string) {
  const result = await validateXML({ xml: [{ fileName: name, contents: xml }], normalization: "format" });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

beforeAll(async () => {
  t = await createTempDatabase();
  process.env.DATABASE_URL = t.url;
  await t.db.update(categories).set({ name: "Gov\u0000ernment & <Policy>" }).where(eq(categories.slug, "government"));
  await insertArticle(t.db, {
    slug: "budget-with-pasted-junk",
    title: "Budget\u000Bplan ]]> & <more> \uFFFE",
    text: "Body with a lone \uD800 surrogate and a \u001F unit separator",
    status: "published",
    editionState: "published",
    firstPublishedAt: new Date(),
  });
  feeds = await import("@/server/public/feeds");
  sitemap = await import("@/server/public/sitemap");
});
afterAll(() => t.cleanup());

describe("feeds and sitemaps built from stored junk", () => {
  for (const format of ["rss", "atom"] as const) {
    it(`site and category ${format} feeds are well-formed and carry the title without the junk`, async () => {
      const site = (await feeds.getSiteFeed({ format })).body;
      const category = (await feeds.getCategoryFeed({ slug: "government", format }))!.body;
      expect(await wellFormed("site.xml", site)).toEqual([]);
      expect(await wellFormed("category.xml", category)).toEqual([]);
      expect(site).toContain("Budgetplan");
    });
  }

  it("the JSON Feed parses", async () => {
    const json = JSON.parse((await feeds.getSiteFeed({ format: "json" })).body) as { items: { title: string }[] };
    expect(json.items.map((i) => i.title)).toContain("Budgetplan ]]> & <more> ");
  });

  it("the sitemap and the news sitemap are well-formed", async () => {
    expect(await wellFormed("sitemap.xml", (await sitemap.getSitemap()).body)).toEqual([]);
    const news = (await sitemap.getNewsSitemap({ now: Date.now() })).body;
    expect(await wellFormed("news.xml", news)).toEqual([]);
    expect(news).toContain("Budgetplan");
  });
});

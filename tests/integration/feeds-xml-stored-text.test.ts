import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { validateXML } from "xmllint-wasm";
import { categories } from "@/db/schema";
import * as feeds from "@/server/public/feeds";
import * as sitemap from "@/server/public/sitemap";
import { integrationTest } from "../support/fixtures";
import { insertArticle } from "./syndication-fixtures";

const it = integrationTest();

/**
 * Issue 14, end to end through server/: text already in the database from
 * before input was cleaned — a vertical tab in a title, a NUL in a category
 * name, a lone surrogate in the body — must not break any public feed or
 * sitemap. The output is safe by construction, not only the input.
 */

async function wellFormed(name: string, xml: string) {
  const result = await validateXML({ xml: [{ fileName: name, contents: xml }], normalization: "format" });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

it.beforeAll(async ({ db }) => {
  await db.update(categories).set({ name: "Gov\u0000ernment & <Policy>" }).where(eq(categories.slug, "government"));
  await insertArticle(db, {
    slug: "budget-with-pasted-junk",
    title: "Budget\u000Bplan ]]> & <more> \uFFFE",
    text: "Body with a lone \uD800 surrogate and a \u001F unit separator",
    status: "published",
    editionState: "published",
    firstPublishedAt: new Date(),
  });
});

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

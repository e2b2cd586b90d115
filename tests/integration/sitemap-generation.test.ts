import { and, eq, isNotNull } from "drizzle-orm";
import { describe, expect } from "vitest";
import type { Database } from "@/db/client";
import { articleEditions, articles, categories } from "@/db/schema";
import * as sitemap from "@/server/public/sitemap";
import { locs, sitemapSchemaErrors } from "../fixtures/sitemap-schema";
import { integrationTest } from "../support/fixtures";
import { HIDDEN, insertArticle, insertHiddenItems } from "./syndication-fixtures";

const it = integrationTest();

let hidden: Awaited<ReturnType<typeof insertHiddenItems>>;
const SITE = "http://localhost:3000";

/** Every published item's address: the default language's unprefixed, another's under its prefix (/ja/news/…). */
async function publicArticleUrls(db: Database) {
  const rows = await db
    .select({ slug: articles.slug, language: articles.language })
    .from(articles)
    .innerJoin(articleEditions, eq(articleEditions.id, articles.publishedEditionId))
    .where(and(eq(articles.status, "published"), isNotNull(articles.firstPublishedAt)));
  return rows.map((r) => `${SITE}${r.language === "en" ? "" : `/${r.language}`}/news/${r.slug}`).sort();
}

const hiddenSlugs = [HIDDEN.draft.slug, HIDDEN.withdrawn.slug, HIDDEN.scheduled.slug];
const articleLocs = (xml: string) => locs(xml).filter((l) => l.includes("/news/"));

it.beforeAll(async ({ db }) => {
  hidden = await insertHiddenItems(db);
});

describe("/sitemap.xml", () => {
  it("validates against the sitemaps.org XSD", async () => {
    const { body } = await sitemap.getSitemap();
    expect(body).toMatch(/<urlset /);
    expect(await sitemapSchemaErrors(body)).toEqual([]);
  });

  it("lists every published article exactly once, and no draft, withdrawn or scheduled item", async ({ db }) => {
    const { body } = await sitemap.getSitemap();
    const listed = articleLocs(body);
    expect([...listed].sort()).toEqual(await publicArticleUrls(db));
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).toHaveLength((await publicArticleUrls(db)).length);
    expect(listed.length).toBeGreaterThanOrEqual(13);
    for (const slug of hiddenSlugs) expect(body).not.toContain(slug);
  });

  it("lists the home page, every category, the archive and its months, each with a Tokyo lastmod", async ({ db }) => {
    const { body } = await sitemap.getSitemap();
    const all = locs(body);
    expect(all[0]).toBe(`${SITE}/`);
    const cats = await db.select({ slug: categories.slug }).from(categories);
    for (const c of cats) expect(all).toContain(`${SITE}/category/${c.slug}`);
    expect(all).toContain(`${SITE}/archive`);
    expect(all).toContain(`${SITE}/archive/2026/02`);
    expect(all).toContain(`${SITE}/archive/2017/02`);
    const lastmods = [...body.matchAll(/<lastmod>([^<]+)<\/lastmod>/g)].map((m) => m[1]!);
    expect(lastmods.length).toBeGreaterThan(13);
    for (const d of lastmods) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
    expect(body).toContain("<lastmod>2026-02-05T12:00:00+09:00</lastmod>");
  });
});

describe("a split sitemap (page size lowered to 5 URLs)", () => {
  it("becomes an index whose files all validate and together list every article exactly once", async ({ db }) => {
    const index = await sitemap.getSitemap({ maxUrls: 5 });
    expect(index.body).toMatch(/<sitemapindex /);
    expect(await sitemapSchemaErrors(index.body)).toEqual([]);
    const files = locs(index.body);
    expect(files[0]).toBe(`${SITE}/sitemaps/pages.xml`);
    expect(files.slice(1)).toEqual([1, 2, 3].map((n) => `${SITE}/sitemaps/articles-${n}.xml`)); // 13 articles / 5

    const seen: string[] = [];
    for (const url of files) {
      const name = url.split("/").pop()!;
      const file = await sitemap.getSitemapFile({ name, maxUrls: 5 });
      expect(file, name).not.toBeNull();
      expect(await sitemapSchemaErrors(file!.body)).toEqual([]);
      if (name.startsWith("articles-")) expect(locs(file!.body).length).toBeLessThanOrEqual(5);
      seen.push(...articleLocs(file!.body));
    }
    expect([...seen].sort()).toEqual(await publicArticleUrls(db));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("answers null (404) past the last file and for names that are not sitemap files", async () => {
    expect(await sitemap.getSitemapFile({ name: "articles-4.xml", maxUrls: 5 })).toBeNull();
    expect(await sitemap.getSitemapFile({ name: "articles-0.xml", maxUrls: 5 })).toBeNull();
    expect(await sitemap.getSitemapFile({ name: "secrets.xml" })).toBeNull();
  });
});

describe("/news-sitemap.xml", () => {
  it("lists items first published in the last two days, with a Tokyo publication date, and nothing hidden", async () => {
    const { body } = await sitemap.getNewsSitemap({ now: Date.now() });
    const listed = locs(body);
    // The withdrawn item was published an hour ago and the live one two hours ago: only the live one shows.
    expect(listed).toEqual([`${SITE}/news/${hidden.live.article.slug}`]);
    expect(body).toMatch(/<news:publication_date>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00<\/news:publication_date>/);
    expect(body).toContain("<news:name>Office of the Governor — News</news:name>");
    expect(body).toContain("<news:title>Published item with a scheduled correction</news:title>");
    for (const slug of hiddenSlugs) expect(body).not.toContain(slug);
  });

  it("drops an item once it is more than two days old, and moves Last-Modified when it does", async () => {
    const publishedAt = hidden.live.article.firstPublishedAt!.getTime();
    const justInside = await sitemap.getNewsSitemap({ now: publishedAt + sitemap.NEWS_WINDOW_MS - 1000 });
    expect(locs(justInside.body)).toHaveLength(1);
    const after = await sitemap.getNewsSitemap({ now: publishedAt + sitemap.NEWS_WINDOW_MS + 1000 });
    expect(locs(after.body)).toEqual([]);
    expect(after.lastModified).toBeGreaterThanOrEqual(Math.floor((publishedAt + sitemap.NEWS_WINDOW_MS) / 1000) * 1000);
  });

  it("shows an item only once it is published (the scheduled item fires)", async ({ db }) => {
    const fresh = await insertArticle(db, {
      slug: "fresh-item-about-the-harbour",
      title: "Fresh item about the harbour",
      text: "Harbour news.",
      status: "published",
      editionState: "published",
      firstPublishedAt: new Date(),
      categorySlug: "economy",
    });
    const { body } = await sitemap.getNewsSitemap({ now: Date.now() + 1000 });
    expect(locs(body)).toContain(`${SITE}/news/${fresh.article.slug}`);
    expect(articleLocs((await sitemap.getSitemap()).body)).toContain(`${SITE}/news/${fresh.article.slug}`);
  });
});

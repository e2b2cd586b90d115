import { readFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import Parser from "rss-parser";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { openDatabase, type Handle } from "@/db/client";
import { articleEditions, articles } from "@/db/schema";
import { parseSeedDocument } from "@/lib/content/seed-parser";
import { toTokyoIsoString } from "@/lib/dates";
import { slugify } from "@/lib/slug";
import { locs, sitemapSchemaErrors } from "../fixtures/sitemap-schema";
import { insertArticle } from "../integration/syndication-fixtures";
import { SearchPage } from "./pages/search-page";
import { accessibilityViolations, launchBrowser } from "./support/browser";
import { DRAFT_SLUG } from "./support/fixtures";

const seeds = join(process.cwd(), "db/demo");
const seminar = parseSeedDocument(readFileSync(join(seeds, "governor-meets-global-partners-seminar.txt"), "utf8"));
const communique = parseSeedDocument(readFileSync(join(seeds, "joint-communique-rome-tokyo.txt"), "utf8"));

const WITHDRAWN_SLUG = "e2e-withdrawn-notice-about-the-zeppelin";
const SCHEDULED_SLUG = "e2e-scheduled-announcement-of-the-marimba-festival";
const HIDDEN_SLUGS = [DRAFT_SLUG, WITHDRAWN_SLUG, SCHEDULED_SLUG];

let baseURL: string;
let handle: Handle;
let browser: Browser;
let page: Page;

const get = (path: string, headers: Record<string, string> = {}) => fetch(new URL(path, baseURL), { headers });
const rss = new Parser<Record<string, never>, { id: string; published: string }>({ customFields: { item: ["id", "published"] } });

/** What readers may see right now, straight from the database. */
async function publicArticles() {
  return handle.db
    .select({
      slug: articles.slug,
      guid: articles.guid,
      firstPublishedAt: articles.firstPublishedAt,
      publicUpdatedAt: articles.publicUpdatedAt,
    })
    .from(articles)
    .innerJoin(articleEditions, eq(articleEditions.id, articles.publishedEditionId))
    .where(and(eq(articles.status, "published")));
}

beforeAll(async () => {
  baseURL = inject("baseURL");
  handle = await openDatabase(inject("databaseUrl"));
  // Hidden items next to the fixtures' draft: none of them is public, so other tests see no change.
  await insertArticle(handle.db, {
    slug: WITHDRAWN_SLUG,
    title: "Withdrawn notice about the zeppelin",
    text: "A zeppelin will fly over the bay.",
    status: "withdrawn",
    editionState: "published",
    firstPublishedAt: new Date(Date.now() - 3600_000),
  });
  await insertArticle(handle.db, {
    slug: SCHEDULED_SLUG,
    title: "Scheduled announcement of the marimba festival",
    text: "Marimba players gather.",
    status: "draft",
    editionState: "scheduled",
    scheduledFor: new Date(Date.now() + 7 * 24 * 3600_000),
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  handle?.client.close();
});
beforeEach(async () => {
  page = await (await browser.newContext()).newPage();
});

describe("feeds over HTTP", () => {
  const formats = [
    ["/feed.xml", "application/rss+xml; charset=utf-8"],
    ["/atom.xml", "application/atom+xml; charset=utf-8"],
    ["/feed.json", "application/feed+json; charset=utf-8"],
    ["/category/international-relations/feed.xml", "application/rss+xml; charset=utf-8"],
    ["/category/international-relations/atom.xml", "application/atom+xml; charset=utf-8"],
    ["/category/international-relations/feed.json", "application/feed+json; charset=utf-8"],
  ] as const;

  it("serve all three formats, site-wide and per category, parseable, with Tokyo dates and no hidden items", async () => {
    const guids = new Map((await publicArticles()).map((a) => [`${baseURL}/news/${a.slug}`, `urn:uuid:${a.guid}`]));
    for (const [path, type] of formats) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type")).toBe(type);
      expect(res.headers.get("cache-control")).toBe("public, max-age=60, s-maxage=300, stale-while-revalidate=600");
      const body = await res.text();
      for (const slug of HIDDEN_SLUGS) expect(body, path).not.toContain(slug);
      expect(body).not.toMatch(/<script/i);
      if (path.endsWith(".json")) {
        const feed = JSON.parse(body) as { version: string; items: { id: string; url: string; title: string; date_published: string }[] };
        expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
        expect(feed.items.map((i) => i.title)).toContain(communique.title);
        for (const item of feed.items) {
          expect(item.id).toBe(guids.get(item.url));
          expect(item.date_published).toMatch(/\+09:00$/);
        }
      } else {
        const feed = await rss.parseString(body);
        expect(feed.items.map((i) => i.title)).toContain(communique.title);
        for (const item of feed.items) {
          expect(item.guid ?? item.id).toBe(guids.get(item.link!));
          if (path.endsWith("feed.xml")) expect(item.pubDate).toMatch(/ \+0900$/);
          else expect(item.published).toMatch(/\+09:00$/);
        }
      }
    }
    const government = await rss.parseString(await (await get("/category/government/feed.xml")).text());
    expect(government.items.map((i) => i.title)).toContain(seminar.title);
    expect(government.items.map((i) => i.title)).not.toContain(communique.title);
    expect((await get("/category/no-such-category/feed.xml")).status).toBe(404);
  });

  it("answer conditional requests with 304 and serve the same cached copy each time", async () => {
    const first = await get("/feed.xml");
    const etag = first.headers.get("etag")!;
    const lastModified = first.headers.get("last-modified")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await get("/feed.xml");
    // Generated once and kept: the same validators, Last-Modified included, on every request.
    expect(again.headers.get("etag")).toBe(etag);
    expect(again.headers.get("last-modified")).toBe(lastModified);
    const notModified = await get("/feed.xml", { "If-None-Match": etag });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe("");
    expect((await get("/feed.xml", { "If-Modified-Since": lastModified })).status).toBe(304);
    expect((await get("/feed.json", { "If-None-Match": '"something-else"' })).status).toBe(200);
  });
});

describe("sitemaps and robots.txt", () => {
  it("/sitemap.xml validates against the XSD and lists every published article exactly once", async () => {
    const res = await get("/sitemap.xml");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    const body = await res.text();
    expect(await sitemapSchemaErrors(body)).toEqual([]);
    const listed = locs(body).filter((l) => l.includes("/news/"));
    const expected = (await publicArticles()).map((a) => `${baseURL}/news/${a.slug}`);
    expect([...listed].sort()).toEqual([...expected].sort());
    for (const slug of HIDDEN_SLUGS) expect(body).not.toContain(slug);
    expect(locs(body)).toContain(`${baseURL}/archive/2026/02`);
  });

  it("/news-sitemap.xml and /robots.txt answer", async () => {
    const news = await get("/news-sitemap.xml");
    expect(news.status).toBe(200);
    const body = await news.text();
    expect(body).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    expect(body).not.toContain(WITHDRAWN_SLUG); // published an hour ago, but withdrawn
    const robots = await (await get("/robots.txt")).text();
    expect(robots).toContain("Disallow: /studio");
    expect(robots).toContain("Disallow: /api");
    expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
    expect(robots).toContain(`Sitemap: ${baseURL}/news-sitemap.xml`);
  });
});

describe("article pages carry structured data and sharing tags", () => {
  it("every published article has NewsArticle JSON-LD with its dates, a canonical URL and OpenGraph/Twitter tags", async () => {
    const all = await publicArticles();
    expect(all.length).toBeGreaterThanOrEqual(12);
    for (const a of all) {
      const url = `${baseURL}/news/${a.slug}`;
      const html = await (await get(`/news/${a.slug}`)).text();
      const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
      expect(scripts, a.slug).toHaveLength(1);
      const data = JSON.parse(scripts[0]![1]!);
      expect(data["@type"]).toBe("NewsArticle");
      expect(data.datePublished).toBe(toTokyoIsoString(a.firstPublishedAt!));
      expect(data.dateModified).toBe(toTokyoIsoString(a.publicUpdatedAt ?? a.firstPublishedAt!));
      expect(data.author).toMatchObject({ "@type": "GovernmentOrganization", name: "Office of the Governor, Press Office" });
      expect(data.publisher).toMatchObject({ "@type": "GovernmentOrganization" });
      expect(data.url).toBe(url);
      expect(data.mainEntityOfPage["@id"]).toBe(url);
      expect(html).toContain(`<link rel="canonical" href="${url}"/>`);
      expect(html).toContain('<meta property="og:type" content="article"/>');
      expect(html).toContain(`<meta property="article:published_time" content="${data.datePublished}"/>`);
      expect(html).toContain(`<meta property="article:modified_time" content="${data.dateModified}"/>`);
      expect(html).toMatch(/<meta property="article:section" content="[^"]+"\/>/);
      expect(html).toMatch(/<meta name="twitter:card" content="summary(_large_image)?"\/>/);
    }
  });

  it("pages advertise the feeds: site-wide everywhere, the category's own on category pages", async () => {
    const rssLinks = (html: string) =>
      [...html.matchAll(/<link rel="alternate" type="application\/rss\+xml"[^>]*href="([^"]+)"/g)].map(
        (m) => new URL(m[1]!, baseURL).pathname,
      );
    for (const path of ["/", `/news/${slugify(communique.title)}`, "/archive", "/search", "/archive/2026/02"]) {
      expect(rssLinks(await (await get(path)).text()), path).toContain("/feed.xml");
    }
    const category = await (await get("/category/government")).text();
    expect(rssLinks(category)).toEqual(["/category/government/feed.xml", "/feed.xml"]);
    expect(category).toMatch(/type="application\/atom\+xml"[^>]*href="[^"]*\/category\/government\/atom.xml"/);
    expect(category).toMatch(/type="application\/feed\+json"[^>]*href="[^"]*\/category\/government\/feed.json"/);
  });
});

describe("search", () => {
  it("finds the communiqué for “Gualtieri” from the header box, highlighted, and passes axe", async () => {
    const search = new SearchPage(page, baseURL);
    await page.goto(new URL("/", baseURL).href);
    await search.searchFromHeader("Gualtieri");
    expect(await search.resultsHeading()).toBe("1 result for “Gualtieri”");
    expect(await search.resultTitles()).toEqual([communique.title]);
    expect(await search.highlighted()).toContain("Gualtieri");
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("finds the seminar item for “Tomsk”, filters by category, and never finds hidden items", async () => {
    const search = new SearchPage(page, baseURL);
    expect(await search.open("?q=Tomsk")).toBe(200);
    expect(await search.resultTitles()).toEqual([seminar.title]);
    await search.open("?q=Tomsk&category=tourism");
    expect(await search.message()).toContain("No results for “Tomsk”");
    for (const word of ["zeppelin", "marimba", "Secret draft text"]) {
      await search.open(`?q=${encodeURIComponent(word)}`);
      expect(await search.message(), word).toContain("No results");
    }
  });

  it("shows a clear no-results page with suggestions, and passes axe", async () => {
    const search = new SearchPage(page, baseURL);
    expect(await search.open("?q=quokka&category=culture&from=2020-01-01")).toBe(200);
    const message = await search.message();
    expect(message).toContain("No results for “quokka”");
    expect(message).toContain("check the spelling");
    expect(await page.getByRole("link", { name: "search all categories and dates" }).getAttribute("href")).toBe("/search?q=quokka");
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("answers FTS syntax, quotes, a 2,000-character query and bad parameters with a page, never an error", async () => {
    const search = new SearchPage(page, baseURL);
    const cases: [string, RegExp][] = [
      ['"unbalanced', /No results for “"unbalanced”/],
      ["AND OR NOT", /no words to look for/],
      ["*", /no words to look for/],
      ["a".repeat(2_000), /at most 200 characters/],
      ["NEAR(rome tokyo", /result|No results/],
    ];
    for (const [q, expected] of cases) {
      expect(await search.open(`?q=${encodeURIComponent(q)}`), q.slice(0, 20)).toBe(200);
      expect(await page.locator("main").innerText()).toMatch(expected);
    }
    await search.open("?q=rome&from=2026-02-30&page=abc");
    expect(await search.message()).toMatch(/real date[\s\S]*whole number/);
    await search.open("?q=governor&page=500");
    expect(await search.message()).toContain("There is no page 500");
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});

describe("archive", () => {
  it("the archive index lists months with counts, is linked from the footer, and passes axe", async () => {
    await page.goto(new URL("/", baseURL).href);
    await Promise.all([
      page.waitForURL("**/archive"),
      page.getByRole("navigation", { name: "Footer" }).getByRole("link", { name: "Archive" }).click(),
    ]);
    // A client-side navigation: wait for the new page's heading rather than any h1.
    await page.getByRole("heading", { level: 1, name: "Archive" }).waitFor();
    expect(await page.locator("h1:visible").allInnerTexts()).toEqual(["Archive"]);
    expect(await page.getByRole("link", { name: "February 2026" }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("a month page lists what was first published that month, and passes axe", async () => {
    expect((await page.goto(new URL("/archive/2026/02", baseURL).href))?.status()).toBe(200);
    expect(await page.locator("h1").innerText()).toBe("February 2026");
    expect(await page.locator(".article-list h2").allInnerTexts()).toContain(communique.title);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect((await page.goto(new URL("/archive/2017/02", baseURL).href))?.status()).toBe(200);
    expect(await page.locator(".article-list h2").allInnerTexts()).toContain(seminar.title);
  });

  it("answers 404 for months that are not months or have no news", async () => {
    for (const path of ["/archive/2026/13", "/archive/2026/2", "/archive/2026/00", "/archive/abcd/02", "/archive/1999/01"]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });
});

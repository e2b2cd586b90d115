import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Handle } from "@/db/client";
import { toTokyoIsoString } from "@/lib/dates";
import { slugify } from "@/lib/slug";
import { accessibilityViolations } from "./support/browser";
import { pagePerTest } from "./support/page-per-test";
import { communique, get, publicArticles, seminar, syndicationDatabase } from "./support/syndication";

let baseURL: string;
let handle: Handle;
let page: Page;

syndicationDatabase((opened) => {
  ({ baseURL, handle } = opened);
});
pagePerTest((fresh) => {
  page = fresh.page;
});

describe("article pages carry structured data and sharing tags", () => {
  it("every published article has NewsArticle JSON-LD with its dates, a canonical URL and OpenGraph/Twitter tags", async () => {
    const all = await publicArticles(handle.db);
    expect(all.length).toBeGreaterThanOrEqual(12);
    for (const a of all) {
      const url = `${baseURL}${a.path}`;
      const html = await (await get(a.path)).text();
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

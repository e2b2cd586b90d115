import Parser from "rss-parser";
import { describe, expect, it } from "vitest";
import type { Handle } from "@/db/client";
import { locs, sitemapSchemaErrors } from "../fixtures/sitemap-schema";
import { communique, get, HIDDEN_SLUGS, publicArticles, seminar, WITHDRAWN_SLUG, syndicationDatabase } from "./support/syndication";

let baseURL: string;
let handle: Handle;

const rss = new Parser<Record<string, never>, { id: string; published: string }>({ customFields: { item: ["id", "published"] } });

syndicationDatabase(
  (opened) => {
    ({ baseURL, handle } = opened);
  },
  { hiddenItems: true },
);

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
    const guids = new Map((await publicArticles(handle.db)).map((a) => [`${baseURL}/news/${a.slug}`, `urn:uuid:${a.guid}`]));
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
    const expected = (await publicArticles(handle.db)).map((a) => `${baseURL}${a.path}`);
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

import { describe, expect, it } from "vitest";
import {
  escapeXml,
  hreflangAlternates,
  latest,
  parseSitemapFileName,
  planSitemap,
  renderNewsSitemap,
  renderSitemapIndex,
  renderUrlset,
  SITEMAP_MAX_URLS,
  sitemapFilePath,
} from "@/lib/sitemap";
import { locs, sitemapSchemaErrors } from "../fixtures/sitemap-schema";

describe("sitemap rendering", () => {
  it("writes a urlset that validates against the sitemaps.org XSD, escaping URLs", async () => {
    const xml = renderUrlset([
      { loc: "https://news.example.gov/", lastmod: "2026-02-05T12:00:00+09:00" },
      { loc: "https://news.example.gov/search?q=a&category=b" },
      { loc: "https://news.example.gov/archive/2026/02", lastmod: "2026-02-05" },
    ]);
    expect(await sitemapSchemaErrors(xml)).toEqual([]);
    expect(xml).toContain("<loc>https://news.example.gov/search?q=a&amp;category=b</loc>");
    expect(locs(xml)).toHaveLength(3);
  });

  it("writes a sitemap index that validates against the index XSD", async () => {
    const xml = renderSitemapIndex([
      { loc: "https://news.example.gov/sitemaps/pages.xml", lastmod: "2026-02-05T12:00:00+09:00" },
      { loc: "https://news.example.gov/sitemaps/articles-1.xml" },
    ]);
    expect(await sitemapSchemaErrors(xml)).toEqual([]);
  });

  it("the XSD does catch a broken sitemap (the check is real)", async () => {
    expect(await sitemapSchemaErrors(renderUrlset([{ loc: "https://x.gov/a", lastmod: "5 Feb 2026" }]))).not.toEqual([]);
    expect(
      await sitemapSchemaErrors('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>'),
    ).not.toEqual([]);
  });

  it("writes a Google News sitemap with publication, language, date with offset and escaped title", () => {
    const xml = renderNewsSitemap(
      [{ loc: "https://news.example.gov/news/a", title: "Rome & Tokyo <together>", publishedAt: "2026-02-05T12:00:00+09:00" }],
      { name: "Office of the Governor — News", language: "en" },
    );
    expect(xml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    expect(xml).toContain("<news:name>Office of the Governor — News</news:name>");
    expect(xml).toContain("<news:language>en</news:language>");
    expect(xml).toContain("<news:publication_date>2026-02-05T12:00:00+09:00</news:publication_date>");
    expect(xml).toContain("<news:title>Rome &amp; Tokyo &lt;together&gt;</news:title>");
  });

  it("escapes the five XML specials", () => {
    expect(escapeXml(`a&b<c>d"e'f`)).toBe("a&amp;b&lt;c&gt;d&quot;e&apos;f");
  });
});

describe("sitemap splitting", () => {
  it("stays one file up to 50,000 URLs and becomes an index beyond", () => {
    expect(SITEMAP_MAX_URLS).toBe(50_000);
    expect(planSitemap({ pageUrls: 20, articleUrls: 49_980 })).toEqual({ kind: "single" });
    expect(planSitemap({ pageUrls: 20, articleUrls: 49_981 })).toEqual({ kind: "index", articleFiles: 1 });
    expect(planSitemap({ pageUrls: 20, articleUrls: 120_000 })).toEqual({ kind: "index", articleFiles: 3 });
    expect(planSitemap({ pageUrls: 3, articleUrls: 10, maxUrls: 5 })).toEqual({ kind: "index", articleFiles: 2 });
  });

  it("names the files of a split sitemap and refuses anything else", () => {
    expect(parseSitemapFileName("pages.xml")).toEqual({ kind: "pages" });
    expect(parseSitemapFileName("articles-12.xml")).toEqual({ kind: "articles", number: 12 });
    for (const bad of ["articles-0.xml", "articles-01.xml", "articles-1", "articles-x.xml", "../pages.xml", "pages.xml.gz"]) {
      expect(parseSitemapFileName(bad)).toBeNull();
    }
    expect(sitemapFilePath({ kind: "articles", number: 3 })).toBe("/sitemaps/articles-3.xml");
  });

  it("picks the latest lastmod", () => {
    expect(latest(["2026-01-01T00:00:00+09:00", undefined, "2026-02-05T12:00:00+09:00"])).toBe("2026-02-05T12:00:00+09:00");
    expect(latest([])).toBeUndefined();
  });
});

describe("hreflang alternates", () => {
  const order = ["en", "ja"];

  it("lists every version in the site's language order, then x-default", () => {
    const alternates = hreflangAlternates(
      [
        { language: "ja", loc: "https://x.gov/ja/news/b" },
        { language: "en", loc: "https://x.gov/news/a" },
      ],
      { order, xDefault: "https://x.gov/news/a" },
    );
    expect(alternates).toEqual([
      { hreflang: "en", href: "https://x.gov/news/a" },
      { hreflang: "ja", href: "https://x.gov/ja/news/b" },
      { hreflang: "x-default", href: "https://x.gov/news/a" },
    ]);
  });

  it("gives a page in one language none", () => {
    expect(
      hreflangAlternates([{ language: "ja", loc: "https://x.gov/ja/news/b" }], { order, xDefault: "https://x.gov/ja/news/b" }),
    ).toBeUndefined();
  });

  it("renders them as xhtml:link in a urlset that declares the namespace and validates", async () => {
    const alternates = hreflangAlternates(
      [
        { language: "en", loc: "https://x.gov/news/a?x=1&y=2" },
        { language: "ja", loc: "https://x.gov/ja/news/b" },
      ],
      { order, xDefault: "https://x.gov/news/a?x=1&y=2" },
    );
    const xml = renderUrlset([{ loc: "https://x.gov/news/a?x=1&y=2", alternates }]);
    expect(xml).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
    expect(xml).toContain('<xhtml:link rel="alternate" hreflang="ja" href="https://x.gov/ja/news/b"/>');
    expect(xml).toContain('<xhtml:link rel="alternate" hreflang="x-default" href="https://x.gov/news/a?x=1&amp;y=2"/>');
    expect(await sitemapSchemaErrors(xml)).toEqual([]);
  });

  it("the XHTML link schema is real: a malformed hreflang or a link in another namespace fails", async () => {
    const bad = renderUrlset([{ loc: "https://x.gov/news/a", alternates: [{ hreflang: "en us", href: "https://x.gov/news/a" }] }]);
    expect(await sitemapSchemaErrors(bad)).not.toEqual([]);
    const stray = renderUrlset([{ loc: "https://x.gov/news/a" }]).replace(
      "</url>",
      '<x:link xmlns:x="https://example.com/not-xhtml" rel="alternate"/></url>',
    );
    expect(await sitemapSchemaErrors(stray)).not.toEqual([]);
  });
});

describe("the news sitemap per language", () => {
  it("names each item's own publication language, else the sitemap's", () => {
    const xml = renderNewsSitemap(
      [
        { loc: "https://x.gov/news/a", title: "A", publishedAt: "2026-02-05T12:00:00+09:00" },
        {
          loc: "https://x.gov/ja/news/b",
          title: "B",
          publishedAt: "2026-02-05T12:00:00+09:00",
          publication: { name: "N", language: "ja" },
        },
      ],
      { name: "N", language: "en" },
    );
    expect([...xml.matchAll(/<news:language>(\w+)<\/news:language>/g)].map((m) => m[1])).toEqual(["en", "ja"]);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { renderArticleHtml } from "@/lib/content/render-html";
import { buildFeed, type FeedChannel, type FeedEntry } from "@/lib/feeds/build-feed";
import { renderNewsSitemap, renderSitemapIndex, renderUrlset } from "@/lib/sitemap";
import { xmlSafe } from "@/lib/xml-text";

/**
 * Issue 14: one vertical tab in a published title made every feed and the news
 * sitemap invalid XML. Whatever text reaches the renderers — any code point,
 * C0 controls, lone surrogates, U+FFFE/FFFF, markup and "]]>" — every output
 * stays well-formed (checked by libxml2) and the JSON Feed still parses.
 */

// Any UTF-16 code unit sequence: surrogate halves are emitted on their own as often as paired.
const codePoint = fc
  .integer({ min: 0, max: 0x10ffff })
  .map((cp) => (cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp)));
const nasty = fc.constantFrom(
  "\u000B",
  "\u0000",
  "\u001F",
  "\uFFFE",
  "\uFFFF",
  "\uD800",
  "\uDFFF",
  "]]>",
  "&",
  "<",
  ">",
  '"',
  "'",
  "&amp;",
  "<![CDATA[",
  "\r\n",
);
const text = fc
  .array(fc.oneof(codePoint, nasty, fc.string({ unit: "binary", maxLength: 8 })), { maxLength: 24 })
  .map((parts) => parts.join(""));

async function wellFormedErrors(documents: Record<string, string>): Promise<string[]> {
  const result = await validateXML({
    xml: Object.entries(documents).map(([fileName, contents]) => ({ fileName, contents })),
    normalization: "format",
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

const channel = (title: string, description: string, author: string): FeedChannel => ({
  title,
  description,
  homeUrl: "https://news.example.gov/",
  feedUrls: {
    rss: "https://news.example.gov/feed.xml",
    atom: "https://news.example.gov/atom.xml",
    json: "https://news.example.gov/feed.json",
  },
  author: { name: author, url: "https://news.example.gov/" },
  language: "en",
  updated: new Date("2026-02-05T20:30:00Z"),
});

const entry = (title: string, summary: string, body: string, categoryName: string): FeedEntry => ({
  guid: "0b6f2f62-5a52-4a4b-9a53-6f6d3f0c8b11",
  title,
  url: "https://news.example.gov/news/item",
  summary,
  // Through the real renderer, as server/public/feeds.ts does it.
  contentHtml: body ? renderArticleHtml({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: body }] }] }) : "",
  category: { slug: "government", name: categoryName, url: "https://news.example.gov/category/government" },
  publishedAt: new Date("2026-02-05T20:30:00Z"),
  updatedAt: new Date("2026-02-07T01:00:00Z"),
});

describe("xmlSafe", () => {
  it("removes exactly what XML 1.0 forbids and keeps tab, newline, CR, emoji and CJK", () => {
    expect(xmlSafe("a\u000Bb\u0000c\uFFFEd\uFFFF\uD800e\uDC00")).toBe("abcde");
    expect(xmlSafe("tab\there\nnew\r line 😀 広報")).toBe("tab\there\nnew\r line 😀 広報");
  });
});

describe("every feed and sitemap is well-formed whatever the text", () => {
  it("a vertical tab in a title (the reported case)", async () => {
    const docs = {
      "rss.xml": buildFeed("rss", channel("News", "d", "Office"), [entry("Budget\u000Bplan", "s", "b", "Gov")]),
      "atom.xml": buildFeed("atom", channel("News", "d", "Office"), [entry("Budget\u000Bplan", "s", "b", "Gov")]),
      "news.xml": renderNewsSitemap(
        [{ loc: "https://news.example.gov/news/a", title: "Budget\u000Bplan", publishedAt: "2026-02-06T05:30:00+09:00" }],
        { name: "News", language: "en" },
      ),
    };
    expect(await wellFormedErrors(docs)).toEqual([]);
  });

  it("RSS, Atom, JSON Feed, sitemap, sitemap index and news sitemap over arbitrary code points", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(text, { minLength: 8, maxLength: 8 }),
        async ([title, summary, body, category, site, description, author, loc]) => {
          const ch = channel(site!, description!, author!);
          const entries = [entry(title!, summary!, body!, category!), entry(summary!, title!, "", title!)];
          const docs = {
            "rss.xml": buildFeed("rss", ch, entries),
            "atom.xml": buildFeed("atom", ch, entries),
            "urlset.xml": renderUrlset([{ loc: `https://news.example.gov/${loc}`, lastmod: title }]),
            "index.xml": renderSitemapIndex([{ loc: loc!, lastmod: summary }]),
            "news.xml": renderNewsSitemap([{ loc: loc!, title: title!, publishedAt: summary! }], { name: site!, language: "en" }),
          };
          expect(await wellFormedErrors(docs)).toEqual([]);
          const json = JSON.parse(buildFeed("json", ch, entries)) as { title: string; items: { title: string }[] };
          expect(json.items).toHaveLength(2);
          expect(json.title).toBe(xmlSafe(site!));
        },
      ),
      { numRuns: 60 },
    );
    // 60 runs of the xmllint WebAssembly build take ~9 s on an idle 2-core machine: room for a busy one.
  }, 60_000);
});

import Parser from "rss-parser";
import { describe, expect, it } from "vitest";
import { buildFeed, type FeedEntry } from "@/lib/feeds/build-feed";
import { feedAlternateTypes, feedPaths, prefixedFeedLanguage } from "@/lib/feeds/links";
import { parseSiteLanguages } from "@/lib/languages";
import { toTokyoRfc822 } from "@/lib/feeds/tokyo-rfc822";
import { feedChannel } from "../support/feed-channel";

const channel = feedChannel({ title: "News & Notes" });

const entry: FeedEntry = {
  guid: "0b6f2f62-5a52-4a4b-9a53-6f6d3f0c8b11",
  title: `Q&A: "Rome" <and> Tokyo ]]> done`,
  url: "https://news.example.gov/news/q-and-a",
  summary: "Fish & <chips>",
  contentHtml: "<p>Body &amp; more</p>",
  category: { slug: "government", name: "Government", url: "https://news.example.gov/category/government" },
  publishedAt: new Date("2026-02-05T20:30:00Z"), // 05:30 on February 6 in Tokyo
  updatedAt: new Date("2026-02-07T01:00:00Z"),
};

const parser = new Parser<Record<string, never>, { id: string; published: string; updated: string }>({
  customFields: { item: ["id", "published", "updated"] },
});

describe("toTokyoRfc822", () => {
  it("writes the Tokyo wall time, crossing the date line when it must", () => {
    expect(toTokyoRfc822(new Date("2026-02-05T20:30:00Z"))).toBe("Fri, 06 Feb 2026 05:30:00 +0900");
    expect(toTokyoRfc822(new Date("2025-12-31T15:00:00Z"))).toBe("Thu, 01 Jan 2026 00:00:00 +0900");
  });
});

describe("buildFeed", () => {
  it("RSS: plain title survives CDATA splitting, dates in +0900, urn:uuid GUID", async () => {
    const xml = buildFeed("rss", channel, [entry]);
    const feed = await parser.parseString(xml);
    expect(feed.items[0]!.title).toBe(entry.title);
    expect(feed.items[0]!.guid).toBe(`urn:uuid:${entry.guid}`);
    expect(feed.items[0]!.pubDate).toBe("Fri, 06 Feb 2026 05:30:00 +0900");
    expect(xml).toContain("<lastBuildDate>Fri, 06 Feb 2026 05:30:00 +0900</lastBuildDate>");
    expect(xml).toContain("<atom:updated>2026-02-07T10:00:00+09:00</atom:updated>");
    expect(xml).not.toContain("GMT");
  });

  it("Atom: escaped html title and summary, every date rewritten to +09:00", async () => {
    const xml = buildFeed("atom", channel, [entry]);
    const feed = await parser.parseString(xml);
    expect(feed.items[0]!.id).toBe(`urn:uuid:${entry.guid}`);
    expect(feed.items[0]!.published).toBe("2026-02-06T05:30:00+09:00");
    expect(feed.items[0]!.updated).toBe("2026-02-07T10:00:00+09:00");
    expect(xml).toContain("Q&amp;A: &quot;Rome&quot; &lt;and&gt; Tokyo ]]&gt; done");
    expect(xml).not.toMatch(/Z<\//);
  });

  it("JSON Feed 1.1: plain text fields, authors arrays, both dates", () => {
    const feed = JSON.parse(buildFeed("json", channel, [entry]));
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.items[0]).toMatchObject({
      id: `urn:uuid:${entry.guid}`,
      title: entry.title,
      summary: entry.summary,
      content_html: entry.contentHtml,
      date_published: "2026-02-06T05:30:00+09:00",
      date_modified: "2026-02-07T10:00:00+09:00",
      authors: [{ name: "Press Office", url: "https://news.example.gov/" }],
      tags: ["Government"],
    });
  });

  it("writes valid, empty feeds when there is nothing to list", async () => {
    expect((await parser.parseString(buildFeed("rss", channel, []))).items).toEqual([]);
    expect((await parser.parseString(buildFeed("atom", channel, []))).items).toEqual([]);
    expect(JSON.parse(buildFeed("json", channel, [])).items).toEqual([]);
  });

  it("never leaves RSS without a declared dc: namespace, even for an empty body", async () => {
    const xml = buildFeed("rss", channel, [{ ...entry, contentHtml: "" }]);
    expect(xml).toContain('xmlns:dc="http://purl.org/dc/elements/1.1/"');
    expect((await parser.parseString(xml)).items).toHaveLength(1);
  });
});

describe("feed links", () => {
  it("puts a category's own feeds before the site-wide ones", () => {
    expect(feedPaths("culture")).toEqual({
      rss: "/category/culture/feed.xml",
      atom: "/category/culture/atom.xml",
      json: "/category/culture/feed.json",
    });
    const types = feedAlternateTypes("News", { slug: "culture", name: "Culture" });
    expect(types["application/rss+xml"]).toEqual([
      { url: "/category/culture/feed.xml", title: "News: Culture (RSS)" },
      { url: "/feed.xml", title: "News (RSS)" },
    ]);
    expect(feedAlternateTypes("News")["application/feed+json"]).toEqual([{ url: "/feed.json", title: "News (JSON Feed)" }]);
  });
});

describe("feed links per language", () => {
  const languages = parseSiteLanguages("en,ja");

  it("leaves the default language unprefixed and puts another under its prefix", () => {
    expect(feedPaths(undefined, "en", languages)).toEqual({ rss: "/feed.xml", atom: "/atom.xml", json: "/feed.json" });
    expect(feedPaths(undefined, "ja", languages)).toEqual({ rss: "/ja/feed.xml", atom: "/ja/atom.xml", json: "/ja/feed.json" });
    expect(feedPaths("culture", "ja", languages).atom).toBe("/ja/category/culture/atom.xml");
    // Without a list, the configured languages (SITE_LANGUAGES, "en,ja" by default) decide.
    expect(feedPaths(undefined, "ja").rss).toBe("/ja/feed.xml");
    expect(feedPaths(undefined, "en").rss).toBe("/feed.xml");
    // Another default language moves the prefix: the default is whichever comes first.
    expect(feedPaths(undefined, "en", parseSiteLanguages("ja,en")).rss).toBe("/en/feed.xml");
  });

  it("points a Japanese page's alternates at the Japanese feeds", () => {
    const types = feedAlternateTypes("News", { slug: "culture", name: "文化" }, "ja", languages);
    expect(types["application/rss+xml"]).toEqual([
      { url: "/ja/category/culture/feed.xml", title: "News: 文化 (RSS)" },
      { url: "/ja/feed.xml", title: "News (RSS)" },
    ]);
    expect(feedAlternateTypes("News", undefined, "en", languages)["application/atom+xml"]).toEqual([
      { url: "/atom.xml", title: "News (Atom)" },
    ]);
  });

  it("serves a prefix only for a configured language other than the default", () => {
    expect(prefixedFeedLanguage(languages, "ja")?.code).toBe("ja");
    for (const segment of ["en", "fr", "JA", "", "ja-JP", "studio"]) expect(prefixedFeedLanguage(languages, segment), segment).toBeNull();
  });
});

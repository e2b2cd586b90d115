import { describe, expect, it } from "vitest";
import { buildFeed, type FeedEntry } from "@/lib/feeds/build-feed";
import { absoluteFeedUrls, hubLinkHeader } from "@/lib/feeds/links";
import { parseSiteLanguages } from "@/lib/languages";
import { validateXML } from "xmllint-wasm";
import { feedChannel } from "../support/feed-channel";

const HUB = "https://hub.example.net/publish?via=koho&x=1";

const channel = feedChannel();

const entry: FeedEntry = {
  guid: "0b6f2f62-5a52-4a4b-9a53-6f6d3f0c8b11",
  title: "Budget",
  url: "https://news.example.gov/news/budget",
  summary: "The budget.",
  contentHtml: "<p>Body</p>",
  category: { slug: "government", name: "Government", url: "https://news.example.gov/category/government" },
  publishedAt: new Date("2026-02-05T20:30:00Z"),
  updatedAt: new Date("2026-02-05T20:30:00Z"),
};

/** [rel, href] of every `<tag …/>` in the document, in order (the feed's own links precede any item's). */
function links(doc: string, tag: string): [string, string][] {
  return [...doc.matchAll(new RegExp(`<${tag}\\b([^>]*)/>`, "g"))].map(([, attrs]) => [
    /\brel="([^"]*)"/.exec(attrs!)?.[1] ?? "",
    /\bhref="([^"]*)"/.exec(attrs!)?.[1] ?? "",
  ]);
}

async function wellFormed(doc: string) {
  const result = await validateXML({ xml: [{ fileName: "feed.xml", contents: doc }], normalization: "format" });
  expect(result.errors).toEqual([]);
}

describe("feeds advertise a WebSub hub", () => {
  it("RSS: <atom:link rel=hub> next to rel=self, with the atom namespace, attribute-escaped", async () => {
    const doc = buildFeed("rss", { ...channel, hubUrl: HUB }, [entry]);
    await wellFormed(doc);
    expect(doc).toContain('xmlns:atom="http://www.w3.org/2005/Atom"');
    expect(links(doc, "atom:link")).toEqual([
      ["self", channel.feedUrls.rss],
      ["hub", HUB.replace("&", "&amp;")],
    ]);
  });

  it("Atom: <link rel=hub> and rel=self", async () => {
    const doc = buildFeed("atom", { ...channel, hubUrl: HUB }, [entry]);
    await wellFormed(doc);
    const head = doc.slice(0, doc.indexOf("<entry>"));
    expect(links(head, "link")).toEqual([
      ["alternate", channel.homeUrl],
      ["self", channel.feedUrls.atom],
      ["hub", HUB.replace("&", "&amp;")],
    ]);
  });

  it("JSON Feed: hubs [{ type: WebSub, url }] and the feed_url as self", () => {
    const doc = JSON.parse(buildFeed("json", { ...channel, hubUrl: HUB }, [entry])) as Record<string, unknown>;
    expect(doc.hubs).toEqual([{ type: "WebSub", url: HUB }]);
    expect(doc.feed_url).toBe(channel.feedUrls.json);
  });

  it("without a hub, no format mentions one", () => {
    for (const format of ["rss", "atom", "json"] as const) {
      const doc = buildFeed(format, channel, [entry]);
      expect(doc).not.toMatch(/hub/i);
      expect(doc).toBe(buildFeed(format, { ...channel, hubUrl: undefined }, [entry]));
    }
  });
});

describe("hub discovery helpers", () => {
  const languages = parseSiteLanguages("en,ja");

  it("absoluteFeedUrls: site-wide and per category, the default language unprefixed", () => {
    expect(absoluteFeedUrls("https://news.example.gov", undefined, "en", languages)).toEqual(channel.feedUrls);
    expect(absoluteFeedUrls("https://news.example.gov/", "culture", "ja", languages)).toEqual({
      rss: "https://news.example.gov/ja/category/culture/feed.xml",
      atom: "https://news.example.gov/ja/category/culture/atom.xml",
      json: "https://news.example.gov/ja/category/culture/feed.json",
    });
  });

  it("hubLinkHeader: hub and self in RFC 8288 form, or nothing without a hub", () => {
    expect(hubLinkHeader(HUB, channel.feedUrls.rss)).toBe(`<${HUB}>; rel="hub", <https://news.example.gov/feed.xml>; rel="self"`);
    expect(hubLinkHeader(undefined, channel.feedUrls.rss)).toBeNull();
  });
});

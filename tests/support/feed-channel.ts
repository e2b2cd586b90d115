import type { FeedChannel } from "@/lib/feeds/build-feed";

/** A site-wide English feed channel at news.example.gov, for the feed builder's unit tests. */
export function feedChannel(overrides: Partial<FeedChannel> = {}): FeedChannel {
  return {
    title: "News",
    description: "Test",
    homeUrl: "https://news.example.gov/",
    feedUrls: {
      rss: "https://news.example.gov/feed.xml",
      atom: "https://news.example.gov/atom.xml",
      json: "https://news.example.gov/feed.json",
    },
    author: { name: "Press Office", url: "https://news.example.gov/" },
    language: "en",
    updated: new Date("2026-02-05T20:30:00Z"),
    ...overrides,
  };
}

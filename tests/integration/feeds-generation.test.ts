import { eq } from "drizzle-orm";
import Parser from "rss-parser";
import { describe, expect } from "vitest";
import type { Database } from "@/db/client";
import { articles } from "@/db/schema";
import { COMMUNIQUE_SEED, readSeed, SEMINAR_SEED } from "@/db/seed";
import { slugify } from "@/lib/slug";
import * as feeds from "@/server/public/feeds";
import { integrationTest } from "../support/fixtures";
import { SEEDS_DIR } from "../support/temp-db";
import { HIDDEN, insertHiddenItems } from "./syndication-fixtures";

const it = integrationTest();

let hidden: Awaited<ReturnType<typeof insertHiddenItems>>;

const SITE = "http://localhost:3000";
const communique = readSeed(SEEDS_DIR, COMMUNIQUE_SEED);
const seminar = readSeed(SEEDS_DIR, SEMINAR_SEED);

type AtomExtras = { id: string; published: string; updated: string };
type RssExtras = { "dc:creator": string; "content:encoded": string };
const rssParser = new Parser<Record<string, never>, RssExtras>({ customFields: { item: ["dc:creator", "content:encoded"] } });
const atomParser = new Parser<Record<string, never>, AtomExtras>({ customFields: { item: ["id", "published", "updated"] } });

type JsonFeed = {
  version: string;
  title: string;
  home_page_url: string;
  feed_url: string;
  authors: { name: string }[];
  items: {
    id: string;
    url: string;
    title: string;
    summary: string;
    content_html: string;
    tags: string[];
    date_published: string;
    date_modified: string;
    authors: { name: string }[];
  }[];
};

const RFC822_TOKYO =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0900$/;
const RFC3339_TOKYO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/;
const URN_UUID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function guidsBySlug(db: Database) {
  const rows = await db.select({ slug: articles.slug, guid: articles.guid }).from(articles);
  return new Map(rows.map((r) => [r.slug, `urn:uuid:${r.guid}`]));
}

/** rss-parser keeps attributes: a category with a domain comes back as { _: name, $: { domain } }. */
type ParsedCategory = string | { _: string; $?: { domain?: string } };
const categoryNames = (cats: unknown) => ((cats ?? []) as ParsedCategory[]).map((c) => (typeof c === "string" ? c : c._));

const hiddenWords = [HIDDEN.draft.word, HIDDEN.withdrawn.word, HIDDEN.scheduled.word, HIDDEN.embargoedEdition.word];
function expectNothingHidden(body: string) {
  for (const word of hiddenWords) expect(body.toLowerCase()).not.toContain(word.toLowerCase());
  for (const slug of [HIDDEN.draft.slug, HIDDEN.withdrawn.slug, HIDDEN.scheduled.slug]) expect(body).not.toContain(slug);
}

it.beforeAll(async ({ db }) => {
  hidden = await insertHiddenItems(db);
});

describe("site-wide feeds", () => {
  it("RSS 2.0 parses and carries every published item with GUID, link, content, category, author and a +0900 date", async ({ db }) => {
    const doc = await feeds.getSiteFeed({ format: "rss" });
    const feed = await rssParser.parseString(doc.body);
    const guids = await guidsBySlug(db);
    expect(feed.title).toBe("Office of the Governor — News");
    expect(feed.items).toHaveLength(13); // 12 seeded items + the published item with an embargoed edition
    const item = feed.items.find((i) => i.title === communique.title)!;
    const slug = slugify(communique.title);
    expect(item.link).toBe(`${SITE}/news/${slug}`);
    expect(item.guid).toBe(guids.get(slug));
    expect(item.guid).toMatch(URN_UUID);
    expect(item.pubDate).toBe("Thu, 05 Feb 2026 12:00:00 +0900");
    expect(categoryNames(item.categories)).toEqual(["International Relations"]);
    expect((item.categories as unknown as ParsedCategory[])[0]).toMatchObject({
      $: { domain: `${SITE}/category/international-relations` },
    });
    expect(item["dc:creator"]).toBe("Office of the Governor, Press Office");
    expect(item["content:encoded"]).toContain("Gualtieri");
    expect(item["content:encoded"]).toMatch(/^<p>/);
    for (const i of feed.items) {
      expect(i.pubDate).toMatch(RFC822_TOKYO);
      expect(i.guid).toMatch(URN_UUID);
      expect(i["content:encoded"]).not.toMatch(/<script|javascript:|\son\w+=/i);
    }
    expect(doc.body).toMatch(/<lastBuildDate>[^<]+\+0900<\/lastBuildDate>/);
    expect(doc.body).not.toContain("GMT");
    expectNothingHidden(doc.body);
  });

  it("Atom 1.0 parses, with urn:uuid ids, html content and published/updated at +09:00", async ({ db }) => {
    const doc = await feeds.getSiteFeed({ format: "atom" });
    const feed = await atomParser.parseString(doc.body);
    const guids = await guidsBySlug(db);
    expect(feed.items).toHaveLength(13);
    const item = feed.items.find((i) => i.title === seminar.title)!;
    expect(item.id).toBe(guids.get(slugify(seminar.title)));
    expect(item.link).toBe(`${SITE}/news/${slugify(seminar.title)}`);
    expect(item.published).toBe("2017-02-01T12:00:00+09:00");
    expect(item.updated).toBe("2017-02-01T12:00:00+09:00");
    expect(item.content).toContain("Tomsk");
    for (const i of feed.items) {
      expect(i.published).toMatch(RFC3339_TOKYO);
      expect(i.updated).toMatch(RFC3339_TOKYO);
      expect(i.content).not.toMatch(/<script/i);
    }
    expect(doc.body).toMatch(/<feed xml:lang="en" xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    expect(doc.body).not.toMatch(/\d{2}\.\d{3}Z</);
    expectNothingHidden(doc.body);
  });

  it("JSON Feed 1.1 has the 1.1 shape, authors, GUIDs and +09:00 dates", async ({ db }) => {
    const doc = await feeds.getSiteFeed({ format: "json" });
    const feed = JSON.parse(doc.body) as JsonFeed;
    const guids = await guidsBySlug(db);
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.feed_url).toBe(`${SITE}/feed.json`);
    expect(feed.home_page_url).toBe(`${SITE}/`);
    expect(feed.authors).toEqual([{ name: "Office of the Governor, Press Office", url: `${SITE}/` }]);
    expect(feed).not.toHaveProperty("author");
    expect(feed.items).toHaveLength(13);
    const item = feed.items.find((i) => i.title === communique.title)!;
    expect(item.id).toBe(guids.get(slugify(communique.title)));
    expect(item.url).toBe(`${SITE}/news/${slugify(communique.title)}`);
    expect(item.date_published).toBe("2026-02-05T12:00:00+09:00");
    expect(item.tags).toEqual(["International Relations"]);
    expect(item.authors[0]!.name).toBe("Office of the Governor, Press Office");
    expect(item.summary.length).toBeGreaterThan(0);
    for (const i of feed.items) {
      expect(i.date_published).toMatch(RFC3339_TOKYO);
      expect(i.date_modified).toMatch(RFC3339_TOKYO);
      expect(i.content_html).not.toMatch(/<script/i);
      expect(i).not.toHaveProperty("author");
    }
    expectNothingHidden(doc.body);
  });

  it("lists newest first and shows a published item's public edition, not its scheduled one", async () => {
    const feed = JSON.parse((await feeds.getSiteFeed({ format: "json" })).body) as JsonFeed;
    const dates = feed.items.map((i) => i.date_published);
    expect([...dates].sort().reverse()).toEqual(dates);
    const live = feed.items.find((i) => i.url.endsWith(`/news/${hidden.live.article.slug}`))!;
    expect(live.title).toBe("Published item with a scheduled correction");
    expect(live.content_html).toContain("original wording");
  });

  it("keeps the GUID when a new edition is published, and writes the major-change date as updated", async ({ db }) => {
    const before = JSON.parse((await feeds.getSiteFeed({ format: "json" })).body) as JsonFeed;
    const published = hidden.live.article.firstPublishedAt!;
    const changedAt = new Date(published.getTime() + 3 * 3600_000);
    // What publishing the scheduled edition does to the article row.
    await db
      .update(articles)
      .set({ publishedEditionId: hidden.embargoed.id, publicUpdatedAt: changedAt })
      .where(eq(articles.id, hidden.live.article.id));
    try {
      const after = JSON.parse((await feeds.getSiteFeed({ format: "json" })).body) as JsonFeed;
      const find = (f: JsonFeed) => f.items.find((i) => i.url.endsWith(`/news/${hidden.live.article.slug}`))!;
      expect(find(after).id).toBe(find(before).id);
      expect(find(after).title).toBe("Corrected item mentioning a xylophone");
      expect(find(after).date_modified).not.toBe(find(after).date_published);
      const rss = await rssParser.parseString((await feeds.getSiteFeed({ format: "rss" })).body);
      const rssItem = rss.items.find((i) => i.link?.endsWith(hidden.live.article.slug))!;
      expect(rssItem.guid).toBe(find(before).id);
      expect((await feeds.getSiteFeed({ format: "rss" })).body).toMatch(/<atom:updated>[^<]+\+09:00<\/atom:updated>/);
    } finally {
      await db
        .update(articles)
        .set({ publishedEditionId: hidden.live.edition.id, publicUpdatedAt: published })
        .where(eq(articles.id, hidden.live.article.id));
    }
  });
});

describe("category feeds", () => {
  it("carry only the category's items, in all three formats, with the category's own links", async () => {
    const rss = await rssParser.parseString((await feeds.getCategoryFeed({ slug: "government", format: "rss" }))!.body);
    expect(rss.title).toBe("Office of the Governor — News: Government");
    expect(rss.items.map((i) => i.title)).toContain(seminar.title);
    expect(rss.items.map((i) => i.title)).not.toContain(communique.title);
    for (const i of rss.items) expect(categoryNames(i.categories)).toEqual(["Government"]);

    const atomDoc = (await feeds.getCategoryFeed({ slug: "international-relations", format: "atom" }))!;
    const atom = await atomParser.parseString(atomDoc.body);
    expect(atom.items.map((i) => i.title)).toContain(communique.title);
    expect(atomDoc.body).toContain(`href="${SITE}/category/international-relations/atom.xml"`);

    const json = JSON.parse((await feeds.getCategoryFeed({ slug: "international-relations", format: "json" }))!.body) as JsonFeed;
    expect(json.feed_url).toBe(`${SITE}/category/international-relations/feed.json`);
    expect(json.items.every((i) => i.tags[0] === "International Relations")).toBe(true);
    expect(json.items.map((i) => i.title)).toContain(communique.title);
  });

  it("hide draft, withdrawn and scheduled items", async () => {
    for (const slug of ["government", "culture"]) {
      for (const format of ["rss", "atom", "json"] as const) {
        expectNothingHidden((await feeds.getCategoryFeed({ slug, format }))!.body);
      }
    }
  });

  it("answer null (404) for unknown or malformed categories", async () => {
    expect(await feeds.getCategoryFeed({ slug: "no-such-category", format: "rss" })).toBeNull();
    expect(await feeds.getCategoryFeed({ slug: "../etc/passwd", format: "atom" })).toBeNull();
  });

  it("give an empty category a valid feed with no items", async () => {
    const doc = (await feeds.getCategoryFeed({ slug: "disaster-prevention", format: "rss" }))!;
    const rss = await rssParser.parseString(doc.body);
    expect(rss.items.length).toBeGreaterThanOrEqual(0);
    const json = JSON.parse((await feeds.getCategoryFeed({ slug: "disaster-prevention", format: "json" }))!.body) as JsonFeed;
    expect(Array.isArray(json.items)).toBe(true);
  });
});

describe("feed validators", () => {
  it("give equal bodies equal ETags and a Last-Modified on a whole second", async () => {
    const a = await feeds.getSiteFeed({ format: "rss" });
    const b = await feeds.getSiteFeed({ format: "rss" });
    expect(a.etag).toBe(b.etag);
    expect(a.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(a.lastModified % 1000).toBe(0);
    expect((await feeds.getSiteFeed({ format: "atom" })).etag).not.toBe(a.etag);
  });
});

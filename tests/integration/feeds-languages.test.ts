import { eq } from "drizzle-orm";
import Parser from "rss-parser";
import { DomUtils, parseDocument } from "htmlparser2";
import { describe, expect } from "vitest";
import { validateXML } from "xmllint-wasm";
import * as jaCategoryAtom from "@/app/[language]/category/[slug]/atom.xml/route";
import * as jaCategoryJson from "@/app/[language]/category/[slug]/feed.json/route";
import * as jaCategoryRss from "@/app/[language]/category/[slug]/feed.xml/route";
import * as jaAtom from "@/app/[language]/atom.xml/route";
import * as jaJson from "@/app/[language]/feed.json/route";
import * as jaRss from "@/app/[language]/feed.xml/route";
import * as rss from "@/app/feed.xml/route";
import { articles } from "@/db/schema";
import { integrationTest } from "../support/fixtures";
import { insertArticle } from "./syndication-fixtures";

/**
 * Issue 16: each language has its own feeds. An English item and its Japanese translation,
 * both published: /ja/feed.xml (and Atom, JSON Feed, the category feeds under /ja/category/…)
 * carry the Japanese one only, in Japanese, and the unprefixed feeds the English one only.
 */

const it = integrationTest();
const SITE = "http://localhost:3000";

const EN = { slug: "harbour-bridge-reopens", title: "Harbour bridge reopens", word: "Gangway" };
const JA = { slug: "harbour-bridge-reopens-ja", title: "港の橋が再開", word: "渡り板" };

const get = (path: string, headers: Record<string, string> = {}) => new Request(`${SITE}${path}`, { headers });
const lang = (language: string) => ({ params: Promise.resolve({ language }) });
const langSlug = (language: string, slug: string) => ({ params: Promise.resolve({ language, slug }) });
const rssParser = new Parser();

type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];
type ParentNode = { children: ReturnType<typeof parseDocument>["children"] };

/** The element children of `node` (named `name`, or all of them for null). */
const children = (node: ParentNode, name: string | null): Element[] =>
  node.children.filter((n): n is Element => DomUtils.isTag(n) && (name === null || n.name === name));

it.beforeAll(async ({ db }) => {
  const now = Date.now();
  const en = await insertArticle(db, {
    slug: EN.slug,
    title: EN.title,
    text: `The ${EN.word} is back.`,
    status: "published",
    editionState: "published",
    firstPublishedAt: new Date(now - 60_000),
  });
  await insertArticle(db, {
    slug: JA.slug,
    title: JA.title,
    text: `${JA.word}が戻りました。`,
    status: "published",
    editionState: "published",
    firstPublishedAt: new Date(now - 30_000),
    language: "ja",
    translationOfId: en.article.id,
  });
});

async function slugsInLanguage(db: Parameters<typeof insertArticle>[0], language: string) {
  const rows = await db.select({ slug: articles.slug }).from(articles).where(eq(articles.language, language));
  return new Set(rows.map((r) => r.slug));
}

describe("/ja/feed.xml", () => {
  it("parses as RSS 2.0 with <language>ja</language>, Japanese links and only Japanese items", async ({ db }) => {
    const res = await jaRss.GET(get("/ja/feed.xml"), lang("ja"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    const body = await res.text();

    // Well-formed XML (libxml2), then RSS 2.0's required structure: <rss version="2.0"> holding one
    // <channel> with title, link and description, and every <item> a title or description.
    const wellFormed = await validateXML({ xml: [{ fileName: "feed.xml", contents: body }], normalization: "format" });
    expect(wellFormed.errors).toEqual([]);
    const doc = parseDocument(body, { xmlMode: true });
    const [root, ...otherRoots] = children(doc, null);
    expect(otherRoots).toEqual([]);
    expect(root!.name).toBe("rss");
    expect(root!.attribs.version).toBe("2.0");
    const channels = children(root!, "channel");
    expect(channels).toHaveLength(1);
    for (const required of ["title", "link", "description"]) expect(children(channels[0]!, required), required).toHaveLength(1);
    expect(children(channels[0]!, "language").map((n) => DomUtils.textContent(n))).toEqual(["ja"]);
    for (const item of children(channels[0]!, "item")) {
      expect(children(item, "title").length + children(item, "description").length).toBeGreaterThan(0);
    }

    const feed = await rssParser.parseString(body);
    expect(feed.title).toBe("知事室ニュース");
    expect(feed.link).toBe(`${SITE}/ja`);
    expect(feed.description).toContain("のニュース");
    expect(body).toContain(`<atom:link href="${SITE}/ja/feed.xml" rel="self" type="application/rss+xml"/>`);
    const japanese = await slugsInLanguage(db, "ja");
    expect(feed.items.length).toBeGreaterThan(0);
    for (const item of feed.items) {
      expect(item.link).toMatch(new RegExp(`^${SITE}/ja/news/`));
      expect(japanese.has(item.link!.split("/").pop()!)).toBe(true);
    }
    expect(feed.items.map((i) => i.title)).toContain(JA.title);
    expect(body).toContain(JA.word);
    expect(body).not.toContain(EN.title);
    expect(body).not.toContain(EN.word);
  });

  it("leaves the English feed with the English item only", async ({ db }) => {
    const body = await (await rss.GET(get("/feed.xml"))).text();
    const feed = await rssParser.parseString(body);
    expect(body).toContain("<language>en</language>");
    const english = await slugsInLanguage(db, "en");
    for (const item of feed.items) {
      expect(item.link).toMatch(new RegExp(`^${SITE}/news/`));
      expect(english.has(item.link!.split("/").pop()!)).toBe(true);
    }
    expect(feed.items.map((i) => i.title)).toContain(EN.title);
    expect(body).not.toContain(JA.title);
    expect(body).not.toContain(JA.word);
  });
});

describe("the other Japanese feeds", () => {
  it("Atom carries xml:lang and links to the Japanese pages and feed", async () => {
    const body = await (await jaAtom.GET(get("/ja/atom.xml"), lang("ja"))).text();
    expect(body).toMatch(/<feed xml:lang="ja" xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    expect(body).toContain(`<link rel="self" href="${SITE}/ja/atom.xml"/>`);
    expect(body).toContain(`<link rel="alternate" href="${SITE}/ja"/>`);
    expect(body).toContain(`<link href="${SITE}/ja/news/${JA.slug}"/>`);
    expect(body).not.toContain(EN.title);
  });

  it("JSON Feed says language ja and points at the Japanese pages", async () => {
    const feed = JSON.parse(await (await jaJson.GET(get("/ja/feed.json"), lang("ja"))).text()) as {
      language: string;
      home_page_url: string;
      feed_url: string;
      items: { url: string; title: string }[];
    };
    expect(feed.language).toBe("ja");
    expect(feed.home_page_url).toBe(`${SITE}/ja`);
    expect(feed.feed_url).toBe(`${SITE}/ja/feed.json`);
    expect(feed.items.map((i) => i.title)).toContain(JA.title);
    expect(feed.items.every((i) => i.url.startsWith(`${SITE}/ja/news/`))).toBe(true);
  });

  it("a category's Japanese feeds use the category's Japanese name and addresses", async () => {
    const body = await (await jaCategoryRss.GET(get("/ja/category/government/feed.xml"), langSlug("ja", "government"))).text();
    const feed = await rssParser.parseString(body);
    expect(feed.title).toBe("知事室ニュース: 都政");
    expect(feed.link).toBe(`${SITE}/ja/category/government`);
    expect(feed.items.map((i) => i.title)).toEqual([JA.title]);
    expect(body).toContain(`<category domain="${SITE}/ja/category/government">`);
    expect(body).toContain("都政");
    const atom = await (await jaCategoryAtom.GET(get("/ja/category/government/atom.xml"), langSlug("ja", "government"))).text();
    expect(atom).toContain(`href="${SITE}/ja/category/government/atom.xml"`);
    const json = JSON.parse(
      await (await jaCategoryJson.GET(get("/ja/category/government/feed.json"), langSlug("ja", "government"))).text(),
    ) as { feed_url: string; language: string };
    expect(json.feed_url).toBe(`${SITE}/ja/category/government/feed.json`);
    expect(json.language).toBe("ja");
  });
});

describe("language feed routes", () => {
  it("answer 404 for the default language's prefix, an unconfigured language and an unknown category", async () => {
    for (const language of ["en", "fr", "xx", "studio", "..", "JA"]) {
      expect((await jaRss.GET(get(`/${language}/feed.xml`), lang(language))).status, language).toBe(404);
    }
    expect((await jaCategoryRss.GET(get("/en/category/government/feed.xml"), langSlug("en", "government"))).status).toBe(404);
    expect((await jaCategoryAtom.GET(get("/fr/category/government/atom.xml"), langSlug("fr", "government"))).status).toBe(404);
    expect((await jaCategoryJson.GET(get("/ja/category/nope/feed.json"), langSlug("ja", "nope"))).status).toBe(404);
  });

  it("keep ETag/304 per language: the Japanese document has its own validators", async () => {
    const first = await jaRss.GET(get("/ja/feed.xml"), lang("ja"));
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers.get("cache-control")).toBe("public, max-age=60, s-maxage=300, stale-while-revalidate=600");
    const again = await jaRss.GET(get("/ja/feed.xml", { "If-None-Match": etag }), lang("ja"));
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const english = await rss.GET(get("/feed.xml"));
    expect(english.headers.get("etag")).not.toBe(etag);
    expect((await rss.GET(get("/feed.xml", { "If-None-Match": etag }))).status).toBe(200);
  });
});

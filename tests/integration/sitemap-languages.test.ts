import { DomUtils, parseDocument } from "htmlparser2";
import { describe, expect } from "vitest";
import * as sitemap from "@/server/public/sitemap";
import { locs, sitemapSchemaErrors } from "../fixtures/sitemap-schema";
import { integrationTest } from "../support/fixtures";
import { insertArticle } from "./syndication-fixtures";

/**
 * Issue 16: the sitemaps list every language's pages, and each page published in several
 * languages carries Google's hreflang alternates (<xhtml:link rel="alternate" hreflang=…>) for
 * every published version plus x-default; the news sitemap names each item's own language.
 * Checked against the sitemaps.org XSD with XHTML's <link> declaration (tests/fixtures), and
 * for the link structure Google asks for: self-reference, reciprocity, one x-default.
 */

const it = integrationTest();
const SITE = "http://localhost:3000";
const XHTML_NS = "http://www.w3.org/1999/xhtml";

const PAIR = { en: "ferry-timetable-changes", ja: "ferry-timetable-changes-ja" };
/** Written in Japanese first: the English version is the translation, yet x-default is still English. */
const JA_FIRST = { ja: "shitamachi-festival", en: "shitamachi-festival-en" };
/** A Japanese translation whose English source is still a draft: alone in its language, no alternates. */
const LONE = { en: "draft-source-of-a-translation", ja: "lone-japanese-translation" };

type Alternate = { rel: string; hreflang: string; href: string };
type Entry = { loc: string; alternates: Alternate[] };

function entries(xml: string): Map<string, Entry> {
  const doc = parseDocument(xml, { xmlMode: true });
  const out = new Map<string, Entry>();
  for (const url of DomUtils.getElementsByTagName("url", doc, true)) {
    const loc = DomUtils.textContent(DomUtils.getElementsByTagName("loc", url, true)[0]!);
    const alternates = DomUtils.getElementsByTagName("xhtml:link", url, true).map((l) => ({
      rel: l.attribs.rel!,
      hreflang: l.attribs.hreflang!,
      href: l.attribs.href!,
    }));
    expect(out.has(loc), `${loc} listed twice`).toBe(false);
    out.set(loc, { loc, alternates });
  }
  return out;
}

/** Google's rules for hreflang in sitemaps, over every entry that has alternates. */
function expectWellFormedAlternates(all: Map<string, Entry>) {
  for (const { loc, alternates } of all.values()) {
    if (alternates.length === 0) continue;
    expect(
      alternates.every((a) => a.rel === "alternate"),
      loc,
    ).toBe(true);
    const languages = alternates.map((a) => a.hreflang);
    expect(new Set(languages).size, `${loc}: one link per hreflang`).toBe(languages.length);
    expect(
      languages.filter((l) => l === "x-default"),
      `${loc}: one x-default`,
    ).toHaveLength(1);
    expect(alternates.length, `${loc}: at least two versions`).toBeGreaterThanOrEqual(3);
    const versions = alternates.filter((a) => a.hreflang !== "x-default");
    expect(
      versions.map((a) => a.href),
      `${loc}: lists itself`,
    ).toContain(loc);
    const xDefault = alternates.find((a) => a.hreflang === "x-default")!;
    expect(
      versions.map((a) => a.href),
      `${loc}: x-default is one of the versions`,
    ).toContain(xDefault.href);
    for (const v of versions) {
      // Reciprocal: every version is in the sitemap too, with the very same alternates.
      expect(all.get(v.href)?.alternates, `${loc} -> ${v.href}`).toEqual(alternates);
    }
  }
}

it.beforeAll(async ({ db }) => {
  const now = Date.now();
  const published = { status: "published", editionState: "published" } as const;
  const en = await insertArticle(db, {
    ...published,
    slug: PAIR.en,
    title: "Ferry timetable changes",
    text: "Ferries.",
    firstPublishedAt: new Date(now - 3 * 3600_000),
  });
  await insertArticle(db, {
    ...published,
    slug: PAIR.ja,
    title: "フェリーの時刻表が変わります",
    text: "フェリー。",
    firstPublishedAt: new Date(now - 2 * 3600_000),
    language: "ja",
    translationOfId: en.article.id,
  });
  const jaFirst = await insertArticle(db, {
    ...published,
    slug: JA_FIRST.ja,
    title: "下町まつり",
    text: "まつり。",
    firstPublishedAt: new Date("2025-07-01T03:00:00Z"),
    language: "ja",
    categorySlug: "culture",
  });
  await insertArticle(db, {
    ...published,
    slug: JA_FIRST.en,
    title: "Shitamachi festival",
    text: "Festival.",
    firstPublishedAt: new Date("2025-07-02T03:00:00Z"),
    translationOfId: jaFirst.article.id,
    categorySlug: "culture",
  });
  const draft = await insertArticle(db, { slug: LONE.en, title: "Draft source", text: "Not yet.", status: "draft", editionState: "draft" });
  await insertArticle(db, {
    ...published,
    slug: LONE.ja,
    title: "翻訳だけが公開",
    text: "翻訳。",
    firstPublishedAt: new Date(now - 3600_000),
    language: "ja",
    translationOfId: draft.article.id,
  });
});

describe("/sitemap.xml in every language", () => {
  it("validates against the sitemaps.org XSD with XHTML's <link>, and declares the xhtml namespace", async () => {
    const { body } = await sitemap.getSitemap();
    expect(body).toContain(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="${XHTML_NS}">`);
    expect(body).toContain("<xhtml:link ");
    expect(await sitemapSchemaErrors(body)).toEqual([]);
  });

  it("gives an item and its translation the same alternates both ways, x-default on the English version", async () => {
    const all = entries((await sitemap.getSitemap()).body);
    const expected = [
      { rel: "alternate", hreflang: "en", href: `${SITE}/news/${PAIR.en}` },
      { rel: "alternate", hreflang: "ja", href: `${SITE}/ja/news/${PAIR.ja}` },
      { rel: "alternate", hreflang: "x-default", href: `${SITE}/news/${PAIR.en}` },
    ];
    expect(all.get(`${SITE}/news/${PAIR.en}`)?.alternates).toEqual(expected);
    expect(all.get(`${SITE}/ja/news/${PAIR.ja}`)?.alternates).toEqual(expected);
    expectWellFormedAlternates(all);
  });

  it("points x-default at the default language's version even when the source is Japanese", async () => {
    const all = entries((await sitemap.getSitemap()).body);
    const alternates = all.get(`${SITE}/ja/news/${JA_FIRST.ja}`)!.alternates;
    expect(alternates.find((a) => a.hreflang === "x-default")?.href).toBe(`${SITE}/news/${JA_FIRST.en}`);
    expect(all.get(`${SITE}/news/${JA_FIRST.en}`)!.alternates).toEqual(alternates);
  });

  it("lists a version alone in its group without alternates, and never an unpublished version", async () => {
    const { body } = await sitemap.getSitemap();
    const all = entries(body);
    expect(all.get(`${SITE}/ja/news/${LONE.ja}`)?.alternates).toEqual([]);
    expect(body).not.toContain(LONE.en);
    // An item in one language only is an ordinary entry.
    const english = [...all.values()].filter((e) => e.loc.startsWith(`${SITE}/news/`) && e.alternates.length === 0);
    expect(english.length).toBeGreaterThan(5);
  });

  it("lists the home, category and archive pages in each language, with alternates between them", async () => {
    const all = entries((await sitemap.getSitemap()).body);
    const both = (path: string) => [
      { rel: "alternate", hreflang: "en", href: `${SITE}${path}` },
      { rel: "alternate", hreflang: "ja", href: `${SITE}/ja${path === "/" ? "" : path}` },
      { rel: "alternate", hreflang: "x-default", href: `${SITE}${path}` },
    ];
    expect(all.get(`${SITE}/`)?.alternates).toEqual(both("/"));
    expect(all.get(`${SITE}/ja`)?.alternates).toEqual(both("/"));
    expect(all.get(`${SITE}/ja/category/government`)?.alternates).toEqual(both("/category/government"));
    expect(all.get(`${SITE}/ja/archive`)?.alternates).toEqual(both("/archive"));
    // Months exist per language: July 2025 has items in both, February 2017 in English only.
    expect(all.get(`${SITE}/ja/archive/2025/07`)?.alternates).toEqual(both("/archive/2025/07"));
    expect(all.has(`${SITE}/archive/2017/02`)).toBe(true);
    expect(all.has(`${SITE}/ja/archive/2017/02`)).toBe(false);
    expect(all.get(`${SITE}/archive/2017/02`)?.alternates).toEqual([]);
    // The default language's pages come first, as before.
    expect(locs((await sitemap.getSitemap()).body)[0]).toBe(`${SITE}/`);
    expectWellFormedAlternates(all);
  });

  it("keeps the alternates when split into files (page size lowered to 5 URLs)", async () => {
    const single = entries((await sitemap.getSitemap()).body);
    const index = await sitemap.getSitemap({ maxUrls: 5 });
    expect(await sitemapSchemaErrors(index.body)).toEqual([]);
    const merged = new Map<string, Entry>();
    for (const url of locs(index.body)) {
      const file = await sitemap.getSitemapFile({ name: url.split("/").pop()!, maxUrls: 5 });
      expect(await sitemapSchemaErrors(file!.body)).toEqual([]);
      for (const [loc, e] of entries(file!.body)) {
        expect(merged.has(loc), loc).toBe(false);
        merged.set(loc, e);
      }
    }
    expect(merged).toEqual(single);
  });
});

describe("/news-sitemap.xml in every language", () => {
  it("gives each item its own language and the Japanese items their /ja/ addresses", async () => {
    const { body } = await sitemap.getNewsSitemap({ now: Date.now() });
    const doc = parseDocument(body, { xmlMode: true });
    const language = new Map(
      DomUtils.getElementsByTagName("url", doc, true).map((u) => [
        DomUtils.textContent(DomUtils.getElementsByTagName("loc", u, true)[0]!),
        DomUtils.textContent(DomUtils.getElementsByTagName("news:language", u, true)[0]!),
      ]),
    );
    expect(language.get(`${SITE}/news/${PAIR.en}`)).toBe("en");
    expect(language.get(`${SITE}/ja/news/${PAIR.ja}`)).toBe("ja");
    expect(language.get(`${SITE}/ja/news/${LONE.ja}`)).toBe("ja");
    expect(body).toContain("<news:name>Office of the Governor — News</news:name>");
    expect(body).toContain("<news:title>フェリーの時刻表が変わります</news:title>");
  });
});

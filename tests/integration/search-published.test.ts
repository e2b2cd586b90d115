import fc from "fast-check";
import { describe, expect } from "vitest";
import { articles } from "@/db/schema";
import { COMMUNIQUE_SEED, readSeed, SEMINAR_SEED } from "@/db/seed";
import { slugify } from "@/lib/slug";
import { rebuildSearchIndex, syncArticleSearchEntry } from "@/db/search-index";
import { integrationTest } from "../support/fixtures";
import { find, slugsFor } from "./search-helpers";
import { SEEDS_DIR } from "../support/temp-db";
import { HIDDEN, insertArticle, insertHiddenItems } from "./syndication-fixtures";

const it = integrationTest();

let hidden: Awaited<ReturnType<typeof insertHiddenItems>>;

const communique = readSeed(SEEDS_DIR, COMMUNIQUE_SEED);
const seminar = readSeed(SEEDS_DIR, SEMINAR_SEED);

it.beforeAll(async ({ db }) => {
  hidden = await insertHiddenItems(db);
  await rebuildSearchIndex(db);
});

describe("public search", () => {
  it("finds the communiqué for “Gualtieri”, with the hit highlighted", async () => {
    const result = (await find("Gualtieri"))!;
    expect(result.items.map((i) => i.slug)).toEqual([slugify(communique.title)]);
    const hit = result.items[0]!;
    expect(hit.excerpt.some((s) => s.hit && s.text === "Gualtieri")).toBe(true);
    expect(hit.category).toEqual({ slug: "international-relations", name: "International Relations" });
    expect(hit.datelineDate).toBe("2026-02-05");
  });

  it("finds the seminar item for “Tomsk”", async () => {
    expect(await slugsFor("Tomsk")).toEqual([slugify(seminar.title)]);
    expect(await slugsFor("tomsk")).toEqual([slugify(seminar.title)]);
  });

  it("matches without accents and across word forms", async () => {
    expect(await slugsFor("communique")).toContain(slugify(communique.title));
    expect(await slugsFor("seminars")).toContain(slugify(seminar.title));
  });

  it("handles FTS syntax, quotes and overlong input without an error", async () => {
    for (const q of ['"unbalanced', "AND OR NOT", "*", "a".repeat(2_000), "NEAR(", "rome)", "title:rome", "-", "''", "x".repeat(200)]) {
      const result = await find(q); // throws, failing the test, on any SQL or FTS error
      if (result) expect(result.total).toBeGreaterThanOrEqual(0);
    }
    expect(await find("AND OR NOT")).toBeNull(); // refused with a message on the page
    expect(await find("*")).toBeNull();
    expect(await find("a".repeat(2_000))).toBeNull();
    expect((await find('"unbalanced'))!.total).toBe(0);
  });

  it("never fails, whatever is typed (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 250 }), async (q) => {
        const result = await find(q);
        return result === null || result.items.length <= result.total;
      }),
      { numRuns: 300 },
    );
  });

  it("never finds draft, withdrawn or scheduled words", async () => {
    for (const word of [HIDDEN.draft.word, HIDDEN.withdrawn.word, HIDDEN.scheduled.word, HIDDEN.embargoedEdition.word]) {
      expect(await slugsFor(word), word).toEqual([]);
    }
    expect(await slugsFor("original wording")).toEqual([hidden.live.article.slug]);
  });

  it("ranks a title match above body-only matches", async ({ db }) => {
    const inBody = await insertArticle(db, {
      slug: "item-about-lanterns",
      title: "An evening by the river",
      status: "published",
      editionState: "published",
      text: "Heliotrope lanterns, heliotrope banners and heliotrope flags lined the heliotrope river bank.",
      firstPublishedAt: new Date("2026-03-02T03:00:00Z"),
    });
    const inTitle = await insertArticle(db, {
      slug: "heliotrope-garden-opens",
      title: "Heliotrope garden opens",
      status: "published",
      editionState: "published",
      text: "A garden opened on Saturday.",
      firstPublishedAt: new Date("2026-03-01T03:00:00Z"),
    });
    await syncArticleSearchEntry(db, inBody.article.id);
    await syncArticleSearchEntry(db, inTitle.article.id);
    const result = (await find("heliotrope"))!;
    expect(result.items.map((i) => i.slug)).toEqual([inTitle.article.slug, inBody.article.slug]);
    expect(result.items[0]!.titleHighlighted).toEqual([
      { text: "Heliotrope", hit: true },
      { text: " garden opens", hit: false },
    ]);
  });

  it("filters by category and by dateline range", async () => {
    expect(
      (await find("Tokyo", { category: "international-relations" }))!.items.every((i) => i.category.slug === "international-relations"),
    ).toBe(true);
    expect((await find("Gualtieri", { category: "government" }))!.total).toBe(0);
    expect((await find("Gualtieri", { from: "2026-02-05", to: "2026-02-05" }))!.total).toBe(1);
    expect((await find("Gualtieri", { from: "2026-02-06" }))!.total).toBe(0);
    expect((await find("Tomsk", { to: "2017-01-31" }))!.total).toBe(0);
  });

  it("pages through results", async () => {
    const all = (await find("governor", { pageSize: 100 }))!;
    expect(all.total).toBeGreaterThan(3);
    const first = (await find("governor", { pageSize: 2 }))!;
    const second = (await find("governor", { pageSize: 2, page: 2 }))!;
    expect(first.totalPages).toBe(Math.ceil(all.total / 2));
    expect(first.items).toHaveLength(2);
    expect([...first.items, ...second.items].map((i) => i.slug)).toEqual(all.items.slice(0, 4).map((i) => i.slug));
    expect((await find("governor", { pageSize: 2, page: 999 }))!.items).toEqual([]);
  });

  it("ranks the newest hits first when more match than the ranking window, and shows every hit on exactly one page", async ({ db }) => {
    const all = (await find("governor", { pageSize: 100 }))!; // within the default window: bm25 over every hit
    expect(all.total).toBeGreaterThan(3);
    const pages = [];
    for (let page = 1; page <= Math.ceil(all.total / 2); page++)
      pages.push((await find("governor", { pageSize: 2, page, rankingWindow: 2 }))!);
    expect(pages.every((p) => p.total === all.total && p.totalPages === Math.ceil(all.total / 2))).toBe(true);
    const shown = pages.flatMap((p) => p.items.map((i) => i.slug));
    expect([...shown].sort()).toEqual(all.items.map((i) => i.slug).sort());
    const ids = new Map((await db.select({ id: articles.id, slug: articles.slug }).from(articles)).map((a) => [a.slug, a.id] as const));
    const newestTwo = new Set([...all.items.map((i) => ids.get(i.slug)!)].sort((a, b) => b - a).slice(0, 2));
    const inWindow = (slug: string) => newestTwo.has(ids.get(slug)!);
    // Each part keeps bm25's order: the window's two hits first, then the older ones.
    const expected = [...all.items.filter((i) => inWindow(i.slug)), ...all.items.filter((i) => !inWindow(i.slug))].map((i) => i.slug);
    expect(expected, "the newest two are not bm25's first two, so the window shows").not.toEqual(all.items.map((i) => i.slug));
    expect(shown).toEqual(expected);
  });

  it("keeps markup in the text as text (the page renders it escaped)", async ({ db }) => {
    const odd = await insertArticle(db, {
      slug: "markup-in-text",
      title: "Nasturtium <b>bold</b> claims",
      status: "published",
      editionState: "published",
      text: "The nasturtium <script>alert(1)</script> display.",
      firstPublishedAt: new Date("2026-03-03T03:00:00Z"),
    });
    await syncArticleSearchEntry(db, odd.article.id);
    const hit = (await find("nasturtium"))!.items[0]!;
    expect(hit.excerpt.map((s) => s.text).join("")).toContain("<script>alert(1)</script>");
    expect(hit.titleHighlighted.map((s) => s.text).join("")).toBe("Nasturtium <b>bold</b> claims");
  });

  it("answers in a few milliseconds on the seed database", async () => {
    const queries = ["Gualtieri", "Tomsk", "governor", "Rome Tokyo", "friendship city"];
    const started = performance.now();
    const runs = 200;
    for (let i = 0; i < runs; i++) await find(queries[i % queries.length]!);
    const perQuery = (performance.now() - started) / runs;
    console.log(`search latency on the seed database: ${perQuery.toFixed(2)} ms per query (count + page, ${runs} runs)`);
    expect(perQuery).toBeLessThan(50);
  });
});

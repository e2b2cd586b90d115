import { describe, expect } from "vitest";
import { COMMUNIQUE_SEED, readSeed } from "@/db/seed";
import { slugify } from "@/lib/slug";
import * as archive from "@/server/public/archive";
import { integrationTest } from "../support/fixtures";
import { SEEDS_DIR } from "../support/temp-db";
import { HIDDEN, insertArticle, insertHiddenItems } from "./syndication-fixtures";

const it = integrationTest();

const communique = readSeed(SEEDS_DIR, COMMUNIQUE_SEED);

it.beforeAll(async ({ db }) => {
  await insertHiddenItems(db);
  // 00:30 on February 1 in Tokyo is still January 31 in UTC: it belongs to February.
  await insertArticle(db, {
    slug: "just-after-midnight-in-tokyo",
    title: "Just after midnight in Tokyo",
    text: "Early news.",
    status: "published",
    editionState: "published",
    firstPublishedAt: new Date("2026-01-31T15:30:00Z"),
  });
  // 23:30 on January 31 in Tokyo: January.
  await insertArticle(db, {
    slug: "just-before-midnight-in-tokyo",
    title: "Just before midnight in Tokyo",
    text: "Late news.",
    status: "published",
    editionState: "published",
    firstPublishedAt: new Date("2026-01-31T14:30:00Z"),
  });
});

describe("archive", () => {
  it("lists the months with news, newest first, with counts of published items only", async () => {
    const months = await archive.listArchiveMonths();
    const keys = months.map((m) => `${m.year}-${String(m.month).padStart(2, "0")}`);
    expect([...keys].sort().reverse()).toEqual(keys);
    expect(keys).toContain("2017-02");
    const february = months.find((m) => m.year === 2026 && m.month === 2)!;
    const seeded = await archive.listArchiveArticles({ year: 2026, month: 2 });
    expect(february.count).toBe(seeded.length);
    expect(february.lastModified).toMatch(/\+09:00$/);
    const total = months.reduce((n, m) => n + m.count, 0);
    expect(total).toBe(15); // 12 seeded + the live item + the two midnight items
  });

  it("puts an item in the Tokyo month it was first published in", async () => {
    const feb = (await archive.listArchiveArticles({ year: 2026, month: 2 })).map((i) => i.slug);
    const jan = (await archive.listArchiveArticles({ year: 2026, month: 1 })).map((i) => i.slug);
    expect(feb).toContain("just-after-midnight-in-tokyo");
    expect(jan).toContain("just-before-midnight-in-tokyo");
    expect(feb).not.toContain("just-before-midnight-in-tokyo");
    expect(feb).toContain(slugify(communique.title));
  });

  it("never lists draft, withdrawn or scheduled items", async () => {
    const months = await archive.listArchiveMonths();
    const all = (await Promise.all(months.map((m) => archive.listArchiveArticles(m)))).flat().map((i) => i.slug);
    for (const slug of [HIDDEN.draft.slug, HIDDEN.withdrawn.slug, HIDDEN.scheduled.slug]) expect(all).not.toContain(slug);
    expect(new Set(all).size).toBe(all.length);
  });

  it("returns nothing for a month without news", async () => {
    expect(await archive.listArchiveArticles({ year: 2020, month: 7 })).toEqual([]);
  });
});

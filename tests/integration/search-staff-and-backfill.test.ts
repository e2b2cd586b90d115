import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import { MIGRATIONS_FOLDER } from "@/db/migrate";
import { COMMUNIQUE_SEED, readSeed } from "@/db/seed";
import { toFtsQuery } from "@/lib/search-query";
import { slugify } from "@/lib/slug";
import { listStudioArticles } from "@/server/articles/studio-queries";
import * as search from "@/server/public/search";
import { integrationTest } from "../support/fixtures";
import { SEEDS_DIR } from "../support/temp-db";
import { HIDDEN, insertHiddenItems } from "./syndication-fixtures";

const it = integrationTest();

let hidden: Awaited<ReturnType<typeof insertHiddenItems>>;
const communique = readSeed(SEEDS_DIR, COMMUNIQUE_SEED);

it.beforeAll(async ({ db, actAs }) => {
  hidden = await insertHiddenItems(db);
  actAs("writer");
});

// The studio's search box (listStudioArticles, behind a session): the one staff search.
const staffSearch = async (filters: { q: string; status?: "draft" | "published" | "withdrawn" }) =>
  (await listStudioArticles({ ...filters, page: 1 })).items;

describe("staff search over all items (listStudioArticles)", () => {
  it("finds drafts, withdrawn and scheduled items by title or summary, with their status", async () => {
    const found = async (q: string) => (await staffSearch({ q })).map((h) => [h.slug, h.status]);
    expect(await found("quixotic")).toEqual([[HIDDEN.draft.slug, "draft"]]);
    expect(await found("ZEPPELIN")).toEqual([[HIDDEN.withdrawn.slug, "withdrawn"]]);
    expect(await found("marimba festival")).toEqual([[HIDDEN.scheduled.slug, "draft"]]);
    expect(await found("Rome Tokyo")).toContainEqual([slugify(communique.title), "published"]);
  });

  it("looks at each item's latest edition, so a scheduled correction is found by its new title", async () => {
    const [hit] = await staffSearch({ q: "xylophone" });
    expect(hit).toMatchObject({ slug: hidden.live.article.slug, editionNumber: 2, state: "scheduled", status: "published" });
  });

  it("filters by status and treats LIKE wildcards as text", async () => {
    expect(await staffSearch({ q: "zeppelin", status: "published" })).toEqual([]);
    expect(await staffSearch({ q: "%" })).toEqual([]);
    expect(await staffSearch({ q: "_" })).toEqual([]);
    expect(await staffSearch({ q: '"unbalanced AND OR NOT *' })).toEqual([]);
    expect(await staffSearch({ q: "x".repeat(2_000) })).toEqual([]);
  });

  it("returns plain DTOs, never whole rows", async () => {
    const [hit] = await staffSearch({ q: "quixotic" });
    expect(Object.keys(hit!).sort()).toEqual(
      [
        "authorName",
        "categoryName",
        "editionNumber",
        "firstPublishedAt",
        "id",
        "language",
        "languageName",
        "outOfDateSince",
        "scheduleError",
        "scheduledFor",
        "slug",
        "state",
        "status",
        "title",
        "translationOfId",
        "updatedAt",
      ].sort(),
    );
  });
});

describe("the search_index migration", () => {
  it("backfills an existing database from its published items, leaving hidden ones out", async ({ db, client }) => {
    // Drop the index and run the migration's statements again, as on a database that had
    // published items before the migration existed.
    await client.execute("DROP TABLE article_search");
    const migration = readFileSync(join(MIGRATIONS_FOLDER, "0002_search_index.sql"), "utf8");
    for (const statement of migration.split("--> statement-breakpoint")) await client.execute(statement);

    const [indexed] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM article_search`);
    expect(indexed!.n).toBe(14);
    const match = (q: string) => (toFtsQuery(q) as { match: string }).match;
    const slugs = async (q: string) => (await search.searchPublishedArticles({ match: match(q), page: 1 })).items.map((i) => i.slug);
    expect(await slugs("Gualtieri")).toEqual([slugify(communique.title)]);
    expect(await slugs("original wording")).toEqual([hidden.live.article.slug]);
    for (const word of [HIDDEN.draft.word, HIDDEN.withdrawn.word, HIDDEN.scheduled.word, HIDDEN.embargoedEdition.word]) {
      expect(await slugs(word)).toEqual([]);
    }
  });
});

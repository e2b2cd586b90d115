import { readFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, inject } from "vitest";
import { openDatabase, type Database, type Handle } from "@/db/client";
import { articleEditions, articles } from "@/db/schema";
import { parseSeedDocument } from "@/lib/content/seed-parser";
import { insertArticle } from "../../integration/syndication-fixtures";
import { DRAFT_SLUG } from "./fixtures";

/** Shared by the syndication browser tests (feeds and sitemaps, search, article pages and the archive). */
const seeds = join(process.cwd(), "db/demo");
export const seminar = parseSeedDocument(readFileSync(join(seeds, "governor-meets-global-partners-seminar.txt"), "utf8"));
export const communique = parseSeedDocument(readFileSync(join(seeds, "joint-communique-rome-tokyo.txt"), "utf8"));

export const WITHDRAWN_SLUG = "e2e-withdrawn-notice-about-the-zeppelin";
export const SCHEDULED_SLUG = "e2e-scheduled-announcement-of-the-marimba-festival";
export const HIDDEN_SLUGS = [DRAFT_SLUG, WITHDRAWN_SLUG, SCHEDULED_SLUG];

export const get = (path: string, headers: Record<string, string> = {}) => fetch(new URL(path, inject("baseURL")), { headers });

/** What readers may see right now, straight from the database, each with its address in its own language. */
export async function publicArticles(db: Database) {
  const rows = await db
    .select({
      slug: articles.slug,
      language: articles.language,
      guid: articles.guid,
      firstPublishedAt: articles.firstPublishedAt,
      publicUpdatedAt: articles.publicUpdatedAt,
    })
    .from(articles)
    .innerJoin(articleEditions, eq(articleEditions.id, articles.publishedEditionId))
    .where(and(eq(articles.status, "published")));
  return rows.map((r) => ({ ...r, path: `${r.language === "en" ? "" : `/${r.language}`}/news/${r.slug}` }));
}

/**
 * Hidden items next to the fixtures' draft: none of them is public, so other tests see no change.
 * The files share one database and run one after another: the first to run adds them, the others find them.
 */
async function insertHiddenItems(db: Database) {
  const hidden: Parameters<typeof insertArticle>[1][] = [
    {
      slug: WITHDRAWN_SLUG,
      title: "Withdrawn notice about the zeppelin",
      text: "A zeppelin will fly over the bay.",
      status: "withdrawn",
      editionState: "published",
      firstPublishedAt: new Date(Date.now() - 3600_000),
    },
    {
      slug: SCHEDULED_SLUG,
      title: "Scheduled announcement of the marimba festival",
      text: "Marimba players gather.",
      status: "draft",
      editionState: "scheduled",
      scheduledFor: new Date(Date.now() + 7 * 24 * 3600_000),
    },
  ];
  for (const item of hidden) {
    const [present] = await db.select({ id: articles.id }).from(articles).where(eq(articles.slug, item.slug));
    if (!present) await insertArticle(db, item);
  }
}

/**
 * Opens the shared e2e database for the file (adding the hidden items first where the file's tests look for
 * them) and closes it after; `use` receives the app's address and the handle before the tests run.
 */
export function syndicationDatabase(use: (opened: { baseURL: string; handle: Handle }) => void, { hiddenItems = false } = {}) {
  let handle: Handle | undefined;
  beforeAll(async () => {
    handle = await openDatabase(inject("databaseUrl"));
    if (hiddenItems) await insertHiddenItems(handle.db);
    use({ baseURL: inject("baseURL"), handle });
  });
  afterAll(() => {
    handle?.client.close();
  });
}

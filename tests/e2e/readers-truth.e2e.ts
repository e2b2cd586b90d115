import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import "../support/next-cache-stub";
import "../support/auth-stub";
import { articleEditions, articles, categories } from "@/db/schema";
import { toTokyoIsoString } from "@/lib/dates";
import { killApp, startApp, type App } from "./support/readers-processes";
import { openNewsroom } from "./support/readers-newsroom";

vi.mock("server-only", () => ({}));

/**
 * Readers see what is published after a build with no database, and after kill -9 right after
 * each acknowledged change (with the cache in Redis, which outlives the process, so only the
 * durable tag expirations in SQLite can keep it honest).
 */
let dir: string;
let databaseUrl: string;
let newsroom: Awaited<ReturnType<typeof openNewsroom>>;
const SITE = "https://news.runtime.example";

const get = async (app: App, path: string) => {
  const res = await fetch(app.url + path);
  return { status: res.status, text: await res.text() };
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "koho-readers-"));
  // The suite's one build (global-setup.ts) was given a database in a folder that does not exist.
  // Opening a database creates its folder: none means the build never tried.
  expect(inject("buildOpenedDatabase")).toBe(false);
  databaseUrl = `file:${join(dir, "koho.db")}`;
  newsroom = await openNewsroom(databaseUrl);
}, 120_000);

afterAll(() => {
  newsroom?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("a build with no database, started on a seeded one", () => {
  it("shows the seeded items on the very first requests, with the run-time SITE_URL everywhere", async () => {
    const published = await newsroom.db
      .select({
        slug: articles.slug,
        title: articleEditions.title,
        category: categories.slug,
        at: articles.firstPublishedAt,
      })
      .from(articles)
      .innerJoin(articleEditions, eq(articleEditions.id, articles.publishedEditionId))
      .innerJoin(categories, eq(categories.id, articles.categoryId))
      // The English pages list the English items (the Japanese ones are under /ja).
      .where(and(eq(articles.status, "published"), eq(articles.language, "en")));
    expect(published.length).toBeGreaterThan(2);
    const app = await startApp({ databaseUrl, siteUrl: SITE });
    try {
      const escape = (t: string) => t.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("'", "&#x27;");
      const home = await get(app, "/");
      expect(home.status).toBe(200);
      for (const item of published.slice(0, 10)) expect(home.text).toContain(escape(item.title));
      // The Japanese home lists the communiqué's Japanese version, on its first request too.
      expect((await get(app, "/ja")).text).toContain("ローマ市（イタリア共和国）と東京都（日本国）との共同声明");
      const government = await get(app, "/category/government");
      for (const item of published.filter((p) => p.category === "government").slice(0, 10))
        expect(government.text).toContain(escape(item.title));
      const february = published.filter((p) => p.at && toTokyoIsoString(p.at).startsWith("2026-02"));
      expect(february.length).toBeGreaterThan(0);
      const archive = await get(app, "/archive/2026/02");
      expect(archive.status).toBe(200);
      for (const item of february) expect(archive.text).toContain(escape(item.title));

      expect((await get(app, "/robots.txt")).text).toContain(`Sitemap: ${SITE}/sitemap.xml`);
      const article = await get(app, `/news/${published[0]!.slug}`);
      expect(article.text).toContain(`<link rel="canonical" href="${SITE}/news/${published[0]!.slug}"/>`);
      expect(article.text).toContain(`href="${SITE}/feed.xml"`);
      expect(article.text).toContain(`"url":"${SITE}/news/${published[0]!.slug}"`);
      expect(home.text).toContain(`href="${SITE}/feed.xml"`);
      expect(home.text).toContain("Readers Test Newsroom");
      expect((await get(app, "/feed.xml")).text).toContain(`${SITE}/news/${published[0]!.slug}`);
      expect((await get(app, "/sitemap.xml")).text).toContain(`${SITE}/news/${published[0]!.slug}`);
      expect((await get(app, "/news/no-such-item-anywhere")).status).toBe(404);
    } finally {
      await killApp(app, "SIGTERM");
    }
  }, 120_000);
});

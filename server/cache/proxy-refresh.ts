import "server-only";
import { request } from "node:http";
import { eq, inArray } from "drizzle-orm";
import { articles, categories } from "@/db/schema";
import { archiveMonthPath } from "@/lib/archive";
import { cacheTags } from "@/lib/cache-tags";
import { tokyoDateOf } from "@/lib/dates";
import { env } from "@/lib/env";
import { listArchiveMonths } from "../public/archive";
import { getDatabase } from "../db";
import { listCategories } from "../public/news";

const FEEDS = ["feed.xml", "atom.xml", "feed.json"];
const ARTICLE_TAG = cacheTags.article("");
const categoryUrls = (slug: string) => [`/category/${slug}`, ...FEEDS.map((f) => `/category/${slug}/${f}`)];

/**
 * The public URLs a set of expired tags shows on, for the proxy refresh, most read first: `first`
 * holds the items themselves, home, the items' categories and months (which may just have lost
 * them), the feeds, archive and sitemaps; `rest` every other category and month. Deeper pages
 * (/page/2…) and other articles showing a changed "Recommended" list keep the 10 s window.
 */
export async function publicUrlsForTags(tags: string[]): Promise<{ first: string[]; rest: string[] }> {
  const slugs = tags.filter((t) => t.startsWith(ARTICLE_TAG)).map((t) => t.slice(ARTICLE_TAG.length));
  const urls = new Set(slugs.map((slug) => `/news/${slug}`));
  if (!tags.includes(cacheTags.publicListings) && !tags.includes(cacheTags.categories)) return { first: [...urls], rest: [] };
  urls.add("/");
  const db = await getDatabase();
  const own =
    slugs.length === 0
      ? []
      : await db
          .select({ at: articles.firstPublishedAt, category: categories.slug })
          .from(articles)
          .leftJoin(categories, eq(categories.id, articles.categoryId))
          .where(inArray(articles.slug, slugs));
  for (const row of own) if (row.category) categoryUrls(row.category).forEach((u) => urls.add(u));
  for (const path of [...FEEDS.map((f) => `/${f}`), "/archive", "/sitemap.xml", "/news-sitemap.xml"]) urls.add(path);
  for (const row of own) {
    if (!row.at) continue;
    const [year, month] = tokyoDateOf(row.at).split("-").map(Number);
    urls.add(archiveMonthPath({ year: year!, month: month! }));
  }
  const rest = new Set<string>();
  for (const c of await listCategories()) categoryUrls(c.slug).forEach((u) => urls.has(u) || rest.add(u));
  for (const m of await listArchiveMonths()) if (!urls.has(archiveMonthPath(m))) rest.add(archiveMonthPath(m));
  return { first: [...urls], rest: [...rest] };
}

/** One GET through nginx's loopback listener; nginx answers it from the app and stores the result. */
function refreshOne(base: URL, host: string, path: string): Promise<void> {
  return new Promise((resolve) => {
    const req = request(
      new URL(path, base),
      { method: "GET", headers: { host, "x-koho-refresh": "1", "user-agent": "koho-proxy-refresh" }, timeout: 5_000 },
      (res) => res.resume().on("end", () => resolve()),
    );
    req.on("timeout", () => req.destroy());
    req.on("error", (error) => {
      console.error(`Proxy refresh of ${path} failed: ${error.message}`);
      resolve();
    });
    req.end();
  });
}

/**
 * Tells the proxy (deploy/nginx.conf) about a publish: re-requests every affected URL with the
 * refresh header. The pages readers open first go six at a time; the long tail (every other
 * category with its feeds, every archive month: a hundred pages and more) one at a time, because
 * nginx has the staff process render refreshes and saves must not queue behind a burst of them.
 * Without KOHO_PROXY_REFRESH_URL it does nothing.
 */
export async function refreshProxy(tags: string[]): Promise<void> {
  const { KOHO_PROXY_REFRESH_URL, SITE_URL } = env();
  if (!KOHO_PROXY_REFRESH_URL) return;
  const base = new URL(KOHO_PROXY_REFRESH_URL);
  const host = new URL(SITE_URL).host;
  // nginx may send a refresh to another app process, whose view of the tag expiries can be up to
  // one poll old (KOHO_TAG_POLL_MS, server/cache/tag-manifest.mjs): wait that long, so every
  // process has seen this change before nginx stores what it answers.
  await new Promise((resolve) => setTimeout(resolve, Number(process.env.KOHO_TAG_POLL_MS ?? 200) + 50));
  const { first, rest } = await publicUrlsForTags(tags);
  const drain = async (queue: string[]) => {
    for (let path = queue.shift(); path; path = queue.shift()) await refreshOne(base, host, path);
  };
  await Promise.all(Array.from({ length: 6 }, () => drain(first)));
  await drain(rest);
}

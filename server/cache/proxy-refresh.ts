import "server-only";
import { request } from "node:http";
import { eq, inArray } from "drizzle-orm";
import { articles, categories } from "@/db/schema";
import { archiveMonthPath } from "@/lib/archive";
import { cacheTags } from "@/lib/cache-tags";
import { tokyoDateOf } from "@/lib/dates";
import { defaultLanguage, env } from "@/lib/env";
import { localizedPath } from "@/lib/languages";
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
  const languages = env().SITE_LANGUAGES;
  const db = await getDatabase();
  const own =
    slugs.length === 0
      ? []
      : await db
          .select({ slug: articles.slug, at: articles.firstPublishedAt, category: categories.slug, language: articles.language })
          .from(articles)
          .leftJoin(categories, eq(categories.id, articles.categoryId))
          .where(inArray(articles.slug, slugs));
  // Each item's pages are in its own language ("/ja/…"); an unknown slug is refreshed where the default language has it.
  const at = (language: string, path: string) => localizedPath(languages, language, path);
  const urls = new Set(slugs.map((slug) => at(own.find((r) => r.slug === slug)?.language ?? defaultLanguage().code, `/news/${slug}`)));
  if (!tags.includes(cacheTags.publicListings) && !tags.includes(cacheTags.categories)) return { first: [...urls], rest: [] };
  const touched = own.length === 0 ? [defaultLanguage().code] : [...new Set(own.map((r) => r.language))];
  for (const language of touched) urls.add(at(language, "/"));
  // Most read first: the items' category pages and the site's feeds, then the categories' feeds.
  for (const row of own) if (row.category) urls.add(at(row.language, `/category/${row.category}`));
  for (const language of touched) for (const feed of FEEDS) urls.add(at(language, `/${feed}`));
  for (const row of own) if (row.category) categoryUrls(row.category).forEach((u) => urls.add(at(row.language, u)));
  for (const language of touched) urls.add(at(language, "/archive"));
  for (const path of ["/sitemap.xml", "/news-sitemap.xml"]) urls.add(path);
  for (const row of own) {
    if (!row.at) continue;
    const [year, month] = tokyoDateOf(row.at).split("-").map(Number);
    urls.add(at(row.language, archiveMonthPath({ year: year!, month: month! })));
  }
  const rest = new Set<string>();
  for (const language of touched) {
    for (const c of await listCategories()) categoryUrls(c.slug).forEach((u) => urls.has(at(language, u)) || rest.add(at(language, u)));
    for (const m of await listArchiveMonths({ language })) {
      const path = at(language, archiveMonthPath(m));
      if (!urls.has(path)) rest.add(path);
    }
  }
  return { first: [...urls], rest: [...rest] };
}

/**
 * How nginx routes a refresh (deploy/nginx.conf, `$koho_refresh`): "1" to the staff process
 * (`koho_studio`), "background" to the readers' processes (`koho_app`); both replace the stored copy.
 */
type Lane = "1" | "background";

/** One GET through nginx's loopback listener; nginx answers it from the app and stores the result. */
function refreshOne(base: URL, host: string, path: string, lane: Lane): Promise<void> {
  return new Promise((resolve) => {
    const req = request(
      new URL(path, base),
      // A background refresh may queue behind a rush in a readers' process: give it time, since
      // nginx drops (and does not store) an answer whose client has gone.
      {
        method: "GET",
        headers: { host, "x-koho-refresh": lane, "user-agent": "koho-proxy-refresh" },
        timeout: lane === "1" ? 5_000 : 30_000,
      },
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
 * refresh header, in two lanes.
 * - Home and the items themselves go first, one at a time, rendered by the staff process: the
 *   pages a publish is about are fresh a render or two after the commit even while readers
 *   flood the readers' processes. One at a time because they share that process's one thread
 *   with the staff's saves (six at once made a save wait for six renders, and home for all six).
 * - Everything else (categories, feeds, archive, months, sitemaps: a hundred pages and more) is
 *   rendered by the readers' processes, which are the ones with capacity to spare for it, the
 *   pages readers open first three at a time, then the long tail one at a time.
 * Without KOHO_PROXY_REFRESH_URL it does nothing.
 */
export async function refreshProxy(tags: string[]): Promise<void> {
  const { KOHO_PROXY_REFRESH_URL, SITE_URL } = env();
  if (!KOHO_PROXY_REFRESH_URL) return;
  const base = new URL(KOHO_PROXY_REFRESH_URL);
  const host = new URL(SITE_URL).host;
  // nginx sends a refresh to another app process, whose view of the tag expiries can be up to
  // one poll old (KOHO_TAG_POLL_MS, server/cache/tag-manifest.mjs): wait that long, so every
  // process has seen this change before nginx stores what it answers.
  await new Promise((resolve) => setTimeout(resolve, Number(process.env.KOHO_TAG_POLL_MS ?? 50) + 50));
  const { first, rest } = await publicUrlsForTags(tags);
  // Home before the items: it is what every reader opens, and where a first publication is found.
  const leading = [...first.filter((path) => path === "/"), ...first.filter((path) => path.startsWith("/news/"))];
  const following = first.filter((path) => !leading.includes(path));
  const drain = async (queue: string[], lane: Lane) => {
    for (let path = queue.shift(); path; path = queue.shift()) await refreshOne(base, host, path, lane);
  };
  await drain(leading, "1");
  await Promise.all(Array.from({ length: 3 }, () => drain(following, "background")));
  await drain(rest, "background");
}

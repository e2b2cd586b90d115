import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { articles, categories } from "@/db/schema";
import { parseMonthKey } from "@/lib/archive";
import { planSitemap, renderSitemapIndex, renderUrlset, SITEMAP_MAX_URLS, sitemapFilePath, type SitemapUrl } from "@/lib/sitemap";
import { selectArchiveArticles, selectArchiveMonthRows, selectPageOfPublished } from "@/server/public/listing-queries";
import {
  countSitemapArticles,
  selectArticleFileLastChanges,
  selectCategoryLastChanges,
  selectSitemapArticles,
  sitemapDate,
} from "@/server/public/sitemap-queries";

/**
 * The data side of a cache miss, timed directly: the same query functions the cached public
 * reads in server/public/ call (news.ts, archive.ts, sitemap.ts), without Next around them.
 */

const SITE = "https://bench.invalid";
const at = sitemapDate;

/**
 * What a cache miss of /sitemap.xml does at 100k items (the issue's "~10 s"): the pages' URLs,
 * the count and each article file's lastmod, rendered as the index. Each article file
 * (/sitemaps/articles-<n>.xml) is its own cache entry, timed by sitemapArticleFile.
 */
export async function regenerateSitemapIndex(db: Database): Promise<{ files: number; bytes: number }> {
  const cats = await db.select({ id: categories.id, slug: categories.slug }).from(categories);
  const months = await selectArchiveMonthRows(db);
  const perCategory = new Map((await selectCategoryLastChanges(db)).map((r) => [r.categoryId, at(r.lastChange)]));
  const pages: SitemapUrl[] = [
    { loc: `${SITE}/` },
    ...cats.map((c) => ({ loc: `${SITE}/category/${c.slug}`, lastmod: perCategory.get(c.id) })),
    ...months.map((m) => ({ loc: `${SITE}/archive/${m.key}`, lastmod: at(m.lastModified) })),
  ];
  const total = await countSitemapArticles(db);
  const plan = planSitemap({ pageUrls: pages.length, articleUrls: total, maxUrls: SITEMAP_MAX_URLS });
  if (plan.kind === "single") {
    return { files: 1, bytes: renderUrlset([...pages, ...(await sitemapUrls(db, 0, total))]).length };
  }
  const lastmods = await selectArticleFileLastChanges(db, SITEMAP_MAX_URLS);
  const index = renderSitemapIndex(
    lastmods.map((r, i) => ({ loc: SITE + sitemapFilePath({ kind: "articles", number: i + 1 }), lastmod: at(r.lastChange) })),
  );
  return { files: plan.articleFiles, bytes: index.length };
}

const sitemapUrls = async (db: Database, offset: number, limit: number) =>
  (await selectSitemapArticles(db, { offset, limit })).map((r) => ({ loc: `${SITE}/news/${r.slug}`, lastmod: at(r.lastChange) }));

/** /sitemaps/articles-2.xml on a cache miss: 50,000 URLs (the second file, so the OFFSET is paid). */
export async function sitemapArticleFile(db: Database): Promise<number> {
  return renderUrlset(await sitemapUrls(db, SITEMAP_MAX_URLS, SITEMAP_MAX_URLS)).length;
}

/** The listing pages' data on a cache miss: home page 1, a category's page 1, the archive index and its newest month. */
export async function listingReaders(db: Database) {
  const [cat] = await db.select({ id: categories.id }).from(categories).where(eq(categories.slug, "tourism"));
  // The fullest month: an archive month lists every item in it, so that is the slowest one.
  const [fullest] = (await selectArchiveMonthRows(db)).sort((a, b) => Number(b.count) - Number(a.count));
  const month = parseMonthKey(fullest?.key ?? "2026-01")!;
  return {
    home: () => selectPageOfPublished(db, undefined, 1),
    category: () => selectPageOfPublished(db, eq(articles.categoryId, cat?.id ?? 1), 1),
    archiveIndex: () => selectArchiveMonthRows(db),
    archiveMonth: () => selectArchiveArticles(db, month),
    monthLabel: fullest?.key ?? "none",
  };
}

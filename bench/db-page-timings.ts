import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { articles, categories } from "@/db/schema";
import { parseMonthKey } from "@/lib/archive";
import { planSitemap, renderSitemapIndex, renderUrlset, SITEMAP_MAX_URLS, sitemapFilePath, type SitemapUrl } from "@/lib/sitemap";
import { selectArchiveArticles, selectArchiveMonthRows, selectPageOfPublished } from "@/server/public/listing-queries";
import {
  countSitemapArticles,
  selectArticleFileLastChanges,
  selectArchiveMonthLastChanges,
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
/** The bench database's languages (bench/seed-items.ts: every second item Japanese). */
const LANGUAGES = ["en", "ja"];

/**
 * What a cache miss of /sitemap.xml does at 100k items (the issue's "~10 s"): the pages' URLs,
 * the count and each article file's lastmod, rendered as the index. Each article file
 * (/sitemaps/articles-<n>.xml) is its own cache entry, timed by sitemapArticleFile.
 */
export async function regenerateSitemapIndex(db: Database): Promise<{ files: number; bytes: number }> {
  const cats = await db.select({ id: categories.id, slug: categories.slug }).from(categories);
  // Each language's listing pages, as server/public/sitemap.ts lists them.
  const pages: SitemapUrl[] = [];
  for (const language of LANGUAGES) {
    const prefix = language === "en" ? "" : `/${language}`;
    const months = await selectArchiveMonthLastChanges(db, language);
    const perCategory = new Map((await selectCategoryLastChanges(db, language)).map((r) => [r.categoryId, at(r.lastChange)]));
    pages.push(
      { loc: `${SITE}${prefix}/` },
      ...cats.map((c) => ({ loc: `${SITE}${prefix}/category/${c.slug}`, lastmod: perCategory.get(c.id) })),
      ...months.map((m) => ({ loc: `${SITE}${prefix}/archive/${m.key}`, lastmod: at(m.lastChange) })),
    );
  }
  const total = await countSitemapArticles(db, LANGUAGES);
  const plan = planSitemap({ pageUrls: pages.length, articleUrls: total, maxUrls: SITEMAP_MAX_URLS });
  if (plan.kind === "single") {
    return { files: 1, bytes: renderUrlset([...pages, ...(await sitemapUrls(db, 0, total))]).length };
  }
  const lastmods = await selectArticleFileLastChanges(db, SITEMAP_MAX_URLS, LANGUAGES);
  const index = renderSitemapIndex(
    lastmods.map((r, i) => ({ loc: SITE + sitemapFilePath({ kind: "articles", number: i + 1 }), lastmod: at(r.lastChange) })),
  );
  return { files: plan.articleFiles, bytes: index.length };
}

const sitemapUrls = async (db: Database, offset: number, limit: number) =>
  (await selectSitemapArticles(db, { offset, limit, languages: LANGUAGES })).map((r) => ({
    loc: `${SITE}${r.language === "en" ? "" : `/${r.language}`}/news/${r.slug}`,
    lastmod: at(r.lastChange),
  }));

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
    // As the English pages ask (server/public/news.ts): every listing is of one language.
    home: () => selectPageOfPublished(db, eq(articles.language, "en"), 1),
    category: () => selectPageOfPublished(db, and(eq(articles.categoryId, cat?.id ?? 1), eq(articles.language, "en")), 1),
    archiveIndex: () => selectArchiveMonthRows(db),
    archiveMonth: () => selectArchiveArticles(db, month),
    monthLabel: fullest?.key ?? "none",
  };
}

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
} from "@/server/public/sitemap-queries";

/**
 * The data side of a cache miss, timed directly: the same query functions the cached public
 * reads in server/public/ call (news.ts, archive.ts, sitemap.ts), without Next around them.
 */

const SITE = "https://bench.invalid";
const at = (ms: number | null | undefined) => (ms ? new Date(Number(ms)).toISOString() : undefined);

/** Every file of the sitemap regenerated after a publication: the index (or single file), pages, each article file. */
export async function regenerateSitemap(db: Database): Promise<{ files: number; bytes: number }> {
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
  const articleFile = async (offset: number, limit: number) =>
    (await selectSitemapArticles(db, { offset, limit })).map((r) => ({ loc: `${SITE}/news/${r.slug}`, lastmod: at(r.lastChange) }));
  if (plan.kind === "single") {
    return { files: 1, bytes: renderUrlset([...pages, ...(await articleFile(0, total))]).length };
  }
  const lastmods = await selectArticleFileLastChanges(db, SITEMAP_MAX_URLS);
  let bytes = renderSitemapIndex(
    lastmods.map((r, i) => ({ loc: SITE + sitemapFilePath({ kind: "articles", number: i + 1 }), lastmod: at(r.lastChange) })),
  ).length;
  bytes += renderUrlset(pages).length;
  for (let i = 0; i < plan.articleFiles; i++) bytes += renderUrlset(await articleFile(i * SITEMAP_MAX_URLS, SITEMAP_MAX_URLS)).length;
  return { files: plan.articleFiles + 2, bytes };
}

/** The listing pages' data on a cache miss: home page 1, a category's page 1, the archive index and its newest month. */
export async function listingReaders(db: Database) {
  const [cat] = await db.select({ id: categories.id }).from(categories).where(eq(categories.slug, "tourism"));
  const [newest] = await selectArchiveMonthRows(db).then((rows) => rows.slice(0, 1));
  const month = parseMonthKey(newest?.key ?? "2026-01")!;
  return {
    home: () => selectPageOfPublished(db, undefined, 1),
    category: () => selectPageOfPublished(db, eq(articles.categoryId, cat?.id ?? 1), 1),
    archiveIndex: () => selectArchiveMonthRows(db),
    archiveMonth: () => selectArchiveArticles(db, month),
    monthLabel: newest?.key ?? "none",
  };
}

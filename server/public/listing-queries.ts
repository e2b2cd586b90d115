// No `import "server-only"`: the benchmark (bench/db-timings.ts) times these exact queries outside
// Next. They read no session or request; the cached public reads in news.ts and archive.ts call
// them with the database.
import { and, count, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { firstPublishedIn, selectPublishedArticleRows, selectPublishedArticles } from "@/db/published-articles";
import { articles } from "@/db/schema";
import type { ArchiveMonth } from "@/lib/archive";
import { PAGE_SIZE, pageCount } from "@/lib/pagination";
import type { Page, PublicArticleSummary } from "./dto";
import { summaryColumns, toSummary } from "./summary";

type Reader = Pick<Database, "select">;

/** One page of a listing (home, a category), newest first, with the total for the pager. */
export async function selectPageOfPublished(db: Reader, where: SQL | undefined, page: number): Promise<Page<PublicArticleSummary>> {
  // The count needs no edition: it is answered from the index, not from 100,000 edition rows.
  const [totalRow] = await selectPublishedArticleRows(db, { n: count() }, { where });
  const total = totalRow?.n ?? 0;
  const rows = await selectPublishedArticles(db, summaryColumns, { where })
    .orderBy(desc(articles.firstPublishedAt), desc(articles.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
  return { items: rows.map(toSummary), page, total, totalPages: pageCount(total) };
}

const tokyoMonth = articles.firstPublishedMonth;

/** Per Tokyo month of first publication: how many public items, and their newest change (epoch ms). */
export async function selectArchiveMonthRows(db: Reader, language = "en") {
  return selectPublishedArticleRows(
    db,
    {
      key: tokyoMonth,
      count: sql<number>`count(*)`,
      lastModified: sql<number>`max(coalesce(${articles.publicUpdatedAt}, ${articles.firstPublishedAt}))`,
    },
    { where: and(eq(articles.language, language), sql`${articles.firstPublishedAt} IS NOT NULL`) },
  )
    .groupBy(tokyoMonth)
    .orderBy(desc(tokyoMonth));
}

/** What was first published in one Tokyo month, newest first. */
export async function selectArchiveArticles(db: Reader, month: ArchiveMonth, language = "en"): Promise<PublicArticleSummary[]> {
  const where = and(eq(articles.language, language), firstPublishedIn(month));
  const rows = await selectPublishedArticles(db, summaryColumns, { where }).orderBy(desc(articles.firstPublishedAt), desc(articles.id));
  return rows.map(toSummary);
}

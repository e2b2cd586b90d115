// No `import "server-only"`: the benchmark (bench/db-timings.ts) times this exact query outside
// Next. It reads no session or request; callers pass the database. Readers reach it through
// searchPublishedArticles in server/public/search.ts.
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { HIT_END, HIT_START, splitHighlights } from "@/lib/search-query";
import { LISTED_SQL, PUBLISHED_JOINS_SQL } from "@/db/published-articles";
import type { SearchResultPage } from "./search";

/** Search results per page on /search. */
export const SEARCH_PAGE_SIZE = 10;

/**
 * The ranking window: when more items match than this, the newest this many (by id, the order
 * items were created in) are ranked first, then the older ones, each part by bm25. bm25 has to
 * score every hit it ranks (1.5–2.5 µs each, mostly FTS5's per-row size lookups), so ranking a
 * word in every one of 100,000 items took 140 ms (p50); ranking the newest 20,000 takes 50. Every
 * hit is still found and counted, on exactly one page: only the order changes, and only for
 * queries this common, where the words say little about relevance anyway (bm25 weighs a word in
 * more than half of all items at 10⁻⁶) and the newer of two equally good hits is the better one.
 */
export const RANKING_WINDOW = 20_000;

export async function runPublicSearch(
  db: Pick<Database, "all">,
  {
    match,
    category,
    from,
    to,
    page,
    pageSize = SEARCH_PAGE_SIZE,
    rankingWindow: windowSize = RANKING_WINDOW,
  }: {
    match: string;
    category?: string;
    from?: string;
    to?: string;
    page: number;
    pageSize?: number;
    /** RANKING_WINDOW, smaller in tests. */
    rankingWindow?: number;
  },
): Promise<SearchResultPage> {
  const filters: SQL[] = [
    sql`article_search MATCH ${match}`,
    // The index follows publishing in the same transaction; this keeps a stale row out regardless.
    LISTED_SQL,
  ];
  if (category) filters.push(sql`c.slug = ${category}`);
  if (from) filters.push(sql`e.dateline_date >= ${from}`);
  if (to) filters.push(sql`e.dateline_date <= ${to}`);
  const where = sql.join(filters, sql` AND `);
  // CROSS JOIN fixes the join order: the FTS match drives, then each hit is looked up by
  // primary key. Left to itself the planner walks every published article and probes the
  // index once per row (40 ms instead of 0.2 ms for a rare word over 5,000 items).
  const fromClause = sql`FROM article_search
    CROSS JOIN articles a ON a.id = article_search.rowid
    ${PUBLISHED_JOINS_SQL}`;

  // Without filters the index alone answers: it holds exactly the public items (kept in step in
  // the publishing transaction), so counting and ranking need no join — 0.4 ms instead of 50 ms
  // for a word in every item at 10k items. Filters need the joined rows.
  const unfiltered = !category && !from && !to;
  const [countRow] = unfiltered
    ? await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM article_search WHERE article_search MATCH ${match}`)
    : await db.all<{ n: number }>(sql`SELECT count(*) AS n ${fromClause} WHERE ${where}`);
  const total = Number(countRow?.n ?? 0);
  const windowed = unfiltered
    ? await rankingWindow(db, match, { total, offset: (page - 1) * pageSize, pageSize, windowSize })
    : { where: sql``, offset: 0 };
  // Two passes: rank every hit but build snippets only for the page being shown.
  const rows = await db.all<{
    slug: string;
    language: string;
    datelineDate: string;
    categorySlug: string;
    categoryName: string;
    title: string;
    titleHl: string;
    excerpt: string;
  }>(sql`
    WITH page AS (${
      unfiltered
        ? sql`SELECT article_search.rowid AS id, article_search.rowid AS at, bm25(article_search, 10.0, 3.0, 1.0) AS score
            FROM article_search WHERE article_search MATCH ${match} ${windowed.where}
            ORDER BY score, id DESC
            LIMIT ${pageSize} OFFSET ${windowed.offset}`
        : sql`SELECT a.id AS id, a.first_published_at AS at, bm25(article_search, 10.0, 3.0, 1.0) AS score
            ${fromClause}
            WHERE ${where}
            ORDER BY score, at DESC, id DESC
            LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`
    })
    SELECT a.slug AS slug, a.language AS language, e.dateline_date AS datelineDate, c.slug AS categorySlug,
           coalesce(json_extract(c.translations, '$.' || a.language || '.name'), c.name) AS categoryName,
           e.title AS title,
           highlight(article_search, 0, ${HIT_START}, ${HIT_END}) AS titleHl,
           snippet(article_search, 2, ${HIT_START}, ${HIT_END}, '…', 28) AS excerpt
    FROM page
    CROSS JOIN article_search ON article_search.rowid = page.id
    CROSS JOIN articles a ON a.id = page.id
    ${PUBLISHED_JOINS_SQL}
    WHERE article_search MATCH ${match} AND ${LISTED_SQL}
    ORDER BY page.score, page.at DESC, page.id DESC`);

  return {
    items: rows.map((r) => ({
      slug: r.slug,
      language: r.language,
      title: r.title,
      titleHighlighted: splitHighlights(r.titleHl),
      excerpt: splitHighlights(r.excerpt),
      datelineDate: r.datelineDate,
      category: { slug: r.categorySlug, name: r.categoryName },
    })),
    total,
    page,
    totalPages: Math.max(1, Math.ceil(total / pageSize)),
  };
}

/**
 * Which part of the hits a page of unfiltered results is ranked within (RANKING_WINDOW): all of
 * them when there are no more than the window holds; else the newest window's worth (ids from the
 * window's oldest up) for the pages that fit in it, and the older hits, counted from the first of
 * them, for the pages after. The window is a whole number of pages, so no page straddles it.
 */
async function rankingWindow(
  db: Pick<Database, "all">,
  match: string,
  { total, offset, pageSize, windowSize }: { total: number; offset: number; pageSize: number; windowSize: number },
): Promise<{ where: SQL; offset: number }> {
  const window = Math.ceil(windowSize / pageSize) * pageSize;
  if (total <= window) return { where: sql``, offset };
  const [edge] = await db.all<{ id: number }>(
    sql`SELECT rowid AS id FROM article_search WHERE article_search MATCH ${match} ORDER BY rowid DESC LIMIT 1 OFFSET ${window - 1}`,
  );
  if (!edge) return { where: sql``, offset };
  return offset < window
    ? { where: sql`AND article_search.rowid >= ${edge.id}`, offset }
    : { where: sql`AND article_search.rowid < ${edge.id}`, offset: offset - window };
}

import "server-only";
import { sql } from "drizzle-orm";
import { ARTICLE_STATUSES, type ArticleStatus, type EditionState } from "@/db/schema";
import { queryTerms, type HighlightSegment } from "@/lib/search-query";
import { getDatabase } from "./db";
import { runPublicSearch } from "./search-queries";

export { SEARCH_PAGE_SIZE } from "./search-queries";

export type SearchHit = {
  slug: string;
  title: string;
  titleHighlighted: HighlightSegment[];
  excerpt: HighlightSegment[];
  datelineDate: string;
  category: { slug: string; name: string };
};

export type SearchResultPage = { items: SearchHit[]; total: number; page: number; totalPages: number };

/**
 * Public search over published items. `match` must come from toFtsQuery (lib/search-query),
 * never from raw input. Ranked by bm25 with the title weighted 10, the summary 3 and the
 * body 1. Not cached: this is the one public read that runs per request.
 */
export async function searchPublishedArticles(input: Parameters<typeof runPublicSearch>[1]): Promise<SearchResultPage> {
  return runPublicSearch(await getDatabase(), input);
}

export type StaffSearchHit = {
  id: number;
  slug: string;
  status: ArticleStatus;
  title: string;
  summary: string;
  editionNumber: number;
  editionState: EditionState;
  updatedAt: string;
};

const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Staff search: the titles and summaries of ALL items, whatever their status, as they
 * stand in each item's latest edition. It does no authorization of its own — the CALLER
 * MUST ALREADY HAVE AUTHENTICATED AND AUTHORIZED the user (a studio reader), because it
 * returns drafts and withdrawn items. Matching is case-insensitive for ASCII and every
 * word must appear; items whose title matches come first, then the most recently updated.
 */
export async function searchAllArticles({
  query,
  status,
  limit = 50,
}: {
  query: string;
  status?: ArticleStatus;
  limit?: number;
}): Promise<StaffSearchHit[]> {
  // Each word on its own: "Izu-Oshima" must match "Izu-Oshima" and "Izu Oshima" alike.
  const terms = queryTerms(query.slice(0, 200)).flatMap((t) => t.split(" ")).slice(0, 12);
  if (terms.length === 0) return [];
  if (status && !ARTICLE_STATUSES.includes(status)) return [];
  const db = await getDatabase();
  const patterns = terms.map((t) => `%${escapeLike(t)}%`);
  const inTitleOrSummary = patterns.map((p) => sql`(e.title LIKE ${p} ESCAPE '\\' OR e.summary LIKE ${p} ESCAPE '\\')`);
  const inTitle = patterns.map((p) => sql`e.title LIKE ${p} ESCAPE '\\'`);
  const filters = [...inTitleOrSummary, ...(status ? [sql`a.status = ${status}`] : [])];
  const rows = await db.all<{
    id: number; slug: string; status: ArticleStatus; title: string; summary: string;
    editionNumber: number; editionState: EditionState; updatedAt: number;
  }>(sql`
    SELECT a.id AS id, a.slug AS slug, a.status AS status, e.title AS title, e.summary AS summary,
           e.number AS editionNumber, e.state AS editionState, a.updated_at AS updatedAt
    FROM articles a
    JOIN article_editions e ON e.article_id = a.id
      AND e.number = (SELECT max(number) FROM article_editions WHERE article_id = a.id)
    WHERE ${sql.join(filters, sql` AND `)}
    ORDER BY (${sql.join(inTitle, sql` AND `)}) DESC, a.updated_at DESC, a.id DESC
    LIMIT ${Math.min(Math.max(1, Math.trunc(limit)), 200)}`);
  return rows.map((r) => ({ ...r, updatedAt: new Date(Number(r.updatedAt)).toISOString() }));
}

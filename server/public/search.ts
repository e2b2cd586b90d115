import "server-only";
import type { HighlightSegment } from "@/lib/search-query";
import { getDatabase } from "../db";
import { publicRead } from "../public-read";
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
async function searchPublished(input: Parameters<typeof runPublicSearch>[1]): Promise<SearchResultPage> {
  return runPublicSearch(await getDatabase(), input);
}

export const searchPublishedArticles = publicRead("search covers published items only", searchPublished);

import "server-only";
import { cacheTags } from "@/lib/cache-tags";
import type { HighlightSegment } from "@/lib/search-query";
import { createTagCheckedMemo } from "../cache/tag-checked-memo";
import { getDatabase } from "../db";
import { publicRead } from "../public-read";
import { runPublicSearch } from "./search-queries";

export { SEARCH_PAGE_SIZE } from "./search-queries";

/** One hit: search covers every language, so each says its own (its address is under that prefix). */
export type SearchHit = {
  slug: string;
  language: string;
  title: string;
  titleHighlighted: HighlightSegment[];
  excerpt: HighlightSegment[];
  datelineDate: string;
  category: { slug: string; name: string };
};

export type SearchResultPage = { items: SearchHit[]; total: number; page: number; totalPages: number };

/**
 * Results per normalised query (toFtsQuery's `match` and the filters), kept in this process
 * until anything readers can find changes: the index follows publishing, withdrawal and
 * corrections, each of which expires public:listings (../cache/tag-checked-memo.ts). Under
 * load the SQL was a few ms but ran on the event loop for every request; a bounded LRU keeps
 * repeated queries (a rush searches the same words) off the database.
 */
const results = createTagCheckedMemo<SearchResultPage>({ maxEntries: 2_000 });
const SEARCH_TAGS = [cacheTags.publicListings, cacheTags.categories];

/**
 * Public search over published items. `match` must come from toFtsQuery (lib/search-query),
 * never from raw input. Ranked by bm25 with the title weighted 10, the summary 3 and the
 * body 1; when more items match than RANKING_WINDOW, the newest that many first (./search-queries.ts).
 */
async function searchPublished(input: Parameters<typeof runPublicSearch>[1]): Promise<SearchResultPage> {
  const { match, category, from, to, page, pageSize, rankingWindow } = input;
  const key = JSON.stringify([match, category ?? "", from ?? "", to ?? "", page, pageSize ?? 0, rankingWindow ?? 0]);
  return results.get(key, SEARCH_TAGS, async () => runPublicSearch(await getDatabase(), input));
}

export const searchPublishedArticles = publicRead("search covers published items only", searchPublished);

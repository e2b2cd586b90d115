import "server-only";
import { and, count, eq, type SQL } from "drizzle-orm";
import { articles, categories } from "@/db/schema";
import { monthKey, parseArchiveParams } from "@/lib/archive";
import { cacheTags } from "@/lib/cache-tags";
import { pageCount, parsePageParam } from "@/lib/pagination";
import { isValidSlug } from "@/lib/slug";
import { env } from "@/lib/env";
import { splitLanguagePath } from "@/lib/languages";
import { getDatabase } from "../db";
import { createTagCheckedMemo } from "../cache/tag-checked-memo";
import { publicRead } from "../public-read";
import { firstPublishedIn, selectPublishedArticles, type Visibility } from "@/db/published-articles";

/**
 * Whether a public page address names nothing, asked by proxy.ts before the page renders.
 *
 * Public pages stream per request, so by the time a page finds out that its item does not
 * exist the response has started with 200 (and a notFound() thrown before streaming leaves
 * Next with an empty error document, readable only with JavaScript). The proxy sets the
 * status from these few indexed counts (the proxy runs outside "use cache", so it cannot
 * share the pages' cached reads); the page still renders the helpful 404 content
 * (components/site/not-found-content.tsx). The counts use the pages' own published-article
 * query (./published-articles.ts), so the status cannot disagree with the page.
 *
 * Under load these counts were the proxy's whole cost, once per request: answers about things
 * that exist are memoised in this process under the tags that change them (every change to an
 * item's public state expires public:listings with its own tag; ../cache/tag-checked-memo.ts).
 * Answers of "nothing here" are never kept, so junk addresses cannot grow the memo.
 */
async function isMissingPublicPageUncached(address: string): Promise<boolean> {
  const { language, path } = splitLanguagePath(env().SITE_LANGUAGES, address);
  const inLanguage = eq(articles.language, language);
  const parts = path.split("/").filter(Boolean).map(decodeSegment);
  if (parts.some((p) => p === null)) return false; // malformed escapes are refused earlier, with 400
  const [section, a, b, c] = parts as string[];
  switch (section) {
    case "news":
      if (parts.length !== 2) return false;
      // An item is at home in its own language only: /ja/news/<an English item> names nothing.
      return !isValidSlug(a!) || (await countArticles(`news:${a}:${language}`, and(eq(articles.slug, a!), inLanguage), "at-address")) === 0;
    case "page":
      return parts.length === 2 && missingPage(a!, () => countArticles(`all:${language}`, inLanguage));
    case "category": {
      if (parts.length !== 2 && !(parts.length === 4 && b === "page")) return false;
      const categoryId = await categoryIdOf(a!);
      if (categoryId === null) return true;
      return (
        parts.length === 4 &&
        missingPage(c!, () => countArticles(`category:${categoryId}:${language}`, and(eq(articles.categoryId, categoryId), inLanguage)))
      );
    }
    case "archive": {
      if (parts.length !== 3) return false;
      const month = parseArchiveParams({ year: a, month: b });
      if (!month) return true;
      return (await countArticles(`month:${monthKey(month)}:${language}`, and(firstPublishedIn(month), inLanguage))) === 0;
    }
    default:
      return false;
  }
}

export const isMissingPublicPage = publicRead("proxy.ts sets the 404 status of public addresses", isMissingPublicPageUncached);

const LISTING_TAGS = [cacheTags.publicListings, cacheTags.categories];
const counts = createTagCheckedMemo<number>({ maxEntries: 50_000, keep: (n) => n > 0 });
const categoryIds = createTagCheckedMemo<number | null>({ maxEntries: 1_000, keep: (id) => id !== null });

/** `key` names the count for the memo; a slug's count is also expired by the item's own tag. */
function countArticles(key: string, where: SQL | undefined, visibility: Visibility = "listed"): Promise<number> {
  const tags = key.startsWith("news:") ? [...LISTING_TAGS, cacheTags.article(key.split(":")[1]!)] : LISTING_TAGS;
  return counts.get(key, tags, async () => {
    const db = await getDatabase();
    const [row] = await selectPublishedArticles(db, { n: count() }, { where, visibility });
    return row?.n ?? 0;
  });
}

function categoryIdOf(slug: string): Promise<number | null> {
  return categoryIds.get(slug, LISTING_TAGS, async () => {
    const db = await getDatabase();
    const [category] = await db.select({ id: categories.id }).from(categories).where(eq(categories.slug, slug)).limit(1);
    return category?.id ?? null;
  });
}

async function missingPage(raw: string, total: () => Promise<number>): Promise<boolean> {
  const page = parsePageParam(raw);
  if (page === null) return true;
  if (page === 1) return false; // page 1 redirects to the listing itself
  return page > pageCount(await total());
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

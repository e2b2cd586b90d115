import "server-only";
import { count, eq, type SQL } from "drizzle-orm";
import { articles, categories } from "@/db/schema";
import { parseArchiveParams } from "@/lib/archive";
import { pageCount, parsePageParam } from "@/lib/pagination";
import { isValidSlug } from "@/lib/slug";
import { getDatabase } from "../db";
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
 */
async function isMissingPublicPageUncached(path: string): Promise<boolean> {
  const parts = path.split("/").filter(Boolean).map(decodeSegment);
  if (parts.some((p) => p === null)) return false; // malformed escapes are refused earlier, with 400
  const [section, a, b, c] = parts as string[];
  switch (section) {
    case "news":
      if (parts.length !== 2) return false;
      return !isValidSlug(a!) || (await countArticles(eq(articles.slug, a!), "at-address")) === 0;
    case "page":
      return parts.length === 2 && missingPage(a!, () => countArticles(undefined));
    case "category": {
      if (parts.length !== 2 && !(parts.length === 4 && b === "page")) return false;
      const db = await getDatabase();
      const [category] = await db.select({ id: categories.id }).from(categories).where(eq(categories.slug, a!)).limit(1);
      if (!category) return true;
      return parts.length === 4 && missingPage(c!, () => countArticles(eq(articles.categoryId, category.id)));
    }
    case "archive": {
      if (parts.length !== 3) return false;
      const month = parseArchiveParams({ year: a, month: b });
      if (!month) return true;
      return (await countArticles(firstPublishedIn(month))) === 0;
    }
    default:
      return false;
  }
}

export const isMissingPublicPage = publicRead("proxy.ts sets the 404 status of public addresses", isMissingPublicPageUncached);

async function countArticles(where: SQL | undefined, visibility: Visibility = "listed"): Promise<number> {
  const db = await getDatabase();
  const [row] = await selectPublishedArticles(db, { n: count() }, { where, visibility });
  return row?.n ?? 0;
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

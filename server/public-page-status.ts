import "server-only";
import { and, count, eq, gte, inArray, lt, type SQL } from "drizzle-orm";
import { articles, categories } from "@/db/schema";
import { parseArchiveParams, tokyoMonthRange } from "@/lib/archive";
import { pageCount, parsePageParam } from "@/lib/pagination";
import { isValidSlug } from "@/lib/slug";
import { getDatabase } from "./db";

/**
 * Whether a public page address names nothing, asked by proxy.ts before the page renders.
 *
 * Public pages stream per request, so by the time a page finds out that its item does not
 * exist the response has started with 200 (and a notFound() thrown before streaming leaves
 * Next with an empty error document, readable only with JavaScript). The proxy sets the
 * status from these few indexed counts (the proxy runs outside "use cache", so it cannot
 * share the pages' cached reads); the page still renders the helpful 404 content
 * (components/site/not-found-content.tsx). The conditions mirror the pages' reads in
 * server/public-article.ts, server/public-news.ts and server/archive.ts. Public: no session.
 */
export async function isMissingPublicPage(path: string): Promise<boolean> {
  const parts = path.split("/").filter(Boolean).map(decodeSegment);
  if (parts.some((p) => p === null)) return false; // malformed escapes are refused earlier, with 400
  const [section, a, b, c] = parts as string[];
  const published = eq(articles.status, "published");
  switch (section) {
    case "news":
      if (parts.length !== 2) return false;
      return !isValidSlug(a!) || (await countArticles(and(eq(articles.slug, a!), inArray(articles.status, ["published", "withdrawn"]))!)) === 0;
    case "page":
      return parts.length === 2 && missingPage(a!, () => countArticles(published));
    case "category": {
      if (parts.length !== 2 && !(parts.length === 4 && b === "page")) return false;
      const db = await getDatabase();
      const [category] = await db.select({ id: categories.id }).from(categories).where(eq(categories.slug, a!)).limit(1);
      if (!category) return true;
      return parts.length === 4 && missingPage(c!, () => countArticles(and(published, eq(articles.categoryId, category.id))!));
    }
    case "archive": {
      if (parts.length !== 3) return false;
      const month = parseArchiveParams({ year: a, month: b });
      if (!month) return true;
      const { start, end } = tokyoMonthRange(month);
      return (await countArticles(and(published, gte(articles.firstPublishedAt, new Date(start)), lt(articles.firstPublishedAt, new Date(end)))!)) === 0;
    }
    default:
      return false;
  }
}

async function countArticles(where: SQL): Promise<number> {
  const db = await getDatabase();
  const [row] = await db.select({ n: count() }).from(articles).where(where);
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

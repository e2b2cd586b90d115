import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Helpers that take the caller's database handle (or no data at all): they open nothing
// themselves, so only the callers' own checks decide who reaches them.
const HELPERS = new Set([
  "summary:toSummary",
  "hero:loadHeroImage",
  "list-placement:findPublishedListForArticle",
  "recommendations:publicArticleFacts",
  "recommendations:resolveEntries",
  "recommendations:entriesFromItems",
  "recommendations:resolveListForArticle",
  "search-queries:runPublicSearch",
  "listing-queries:selectPageOfPublished",
  "listing-queries:selectArchiveMonthRows",
  "listing-queries:selectArchiveArticles",
  "sitemap-queries:selectCategoryLastChanges",
  "sitemap-queries:selectSitemapArticles",
  "sitemap-queries:countSitemapArticles",
  "sitemap-queries:selectArticleFileLastChanges",
  "sitemap-queries:selectArchiveMonthLastChanges",
  "sitemap-queries:sitemapDate",
  // Configuration and cache tags, no data.
  "sitemap-shared:siteLanguages",
  "sitemap-shared:tagSitemap",
  "to-public-article:toPublicArticle",
  "to-public-article:buildPublicArticle",
  "translation-versions:listPublishedVersions",
  // Reads the request's language header, no data.
  "page-language:pageLanguage",
  "load-shedding:shouldShedRender",
  "load-shedding:overloadedResponse",
]);

const folder = join(process.cwd(), "server/public");

describe("server/public: which exports skip authentication is visible", () => {
  it("marks every exported read that opens the database with publicRead and a reason", async () => {
    const unmarked: string[] = [];
    let reads = 0;
    for (const file of readdirSync(folder).filter((f) => f.endsWith(".ts"))) {
      const name = file.replace(/\.ts$/, "");
      const exports: Record<string, unknown> = await import(`@/server/public/${name}`);
      for (const [key, value] of Object.entries(exports)) {
        if (typeof value !== "function" || HELPERS.has(`${name}:${key}`)) continue;
        const why = (value as { publicBecause?: unknown }).publicBecause;
        if (typeof why === "string" && why.length > 0) reads++;
        else unmarked.push(`${name}:${key}`);
      }
    }
    expect(unmarked).toEqual([]);
    expect(reads).toBeGreaterThanOrEqual(15);
  });
});

import "server-only";
import { archiveMonthPath, parseMonthKey } from "@/lib/archive";
import { makeCachedDocument, type CachedDocument } from "@/lib/conditional-get";
import { env } from "@/lib/env";
import {
  hreflangAlternates,
  latest,
  parseSitemapFileName,
  planSitemap,
  renderSitemapIndex,
  renderUrlset,
  sitemapFilePath,
  SITEMAP_MAX_URLS,
  type SitemapUrl,
} from "@/lib/sitemap";
import { getDatabase } from "../db";
import { siteLanguages, tagSitemap } from "./sitemap-shared";
import { listCategories } from "./news";
import { publicRead } from "../public-read";
import {
  countSitemapArticles,
  selectArchiveMonthLastChanges,
  selectArticleFileLastChanges,
  selectCategoryLastChanges,
  selectSitemapArticles,
  sitemapDate,
  type GroupVersions,
} from "./sitemap-queries";

const w3c = sitemapDate;
const absolute = (path: string) => new URL(path, env().SITE_URL).href;

/**
 * A listing page (home, a category, the archive, a month) in each language it exists in, each
 * entry with the hreflang alternates of all of them and x-default on the default language's.
 */
function listingUrls(
  path: string,
  lastmods: Map<string, string | undefined>,
  exists: (language: string) => boolean,
): { language: string; url: SitemapUrl }[] {
  const { codes, defaultCode, at } = siteLanguages();
  const present = codes.filter(exists);
  const alternates = hreflangAlternates(
    present.map((language) => ({ language, loc: at(language, path) })),
    { order: codes, xDefault: at(present.includes(defaultCode) ? defaultCode : present[0]!, path) },
  );
  return present.map((language) => ({ language, url: { loc: at(language, path), lastmod: lastmods.get(language), alternates } }));
}

/**
 * Home, category pages, the archive index and each archive month, in every language, with
 * their lastmod. The default language's pages come first, in the order they always had.
 */
async function pageUrls(): Promise<SitemapUrl[]> {
  const db = await getDatabase();
  const { codes } = siteLanguages();
  const [categoryList, perLanguage] = await Promise.all([
    listCategories(),
    Promise.all(
      codes.map(async (language) => {
        const [months, perCategory] = await Promise.all([
          selectArchiveMonthLastChanges(db, language),
          selectCategoryLastChanges(db, language),
        ]);
        return { language, months, perCategory: new Map(perCategory.map((r) => [r.categoryId, w3c(r.lastChange)])) };
      }),
    ),
  ]);
  const newest = new Map(perLanguage.map((l) => [l.language, latest(l.months.map((m) => w3c(m.lastChange)))]));
  const everywhere = () => true;
  // One entry per page and language, grouped by language (the default first) for readable files.
  const pages = [
    ...listingUrls("/", newest, everywhere),
    ...categoryList.flatMap((c) =>
      listingUrls(`/category/${c.slug}`, new Map(perLanguage.map((l) => [l.language, l.perCategory.get(c.id)])), everywhere),
    ),
    ...listingUrls("/archive", newest, everywhere),
    ...monthKeys(perLanguage).flatMap((key) => {
      const month = parseMonthKey(key)!;
      const lastmods = new Map(perLanguage.map((l) => [l.language, w3c(l.months.find((m) => m.key === key)?.lastChange)]));
      return listingUrls(archiveMonthPath(month), lastmods, (language) => lastmods.get(language) !== undefined);
    }),
  ];
  return codes.flatMap((language) => pages.filter((p) => p.language === language).map(({ url }) => url));
}

/** Every month key any language has, newest first. */
function monthKeys(perLanguage: { months: { key: string }[] }[]): string[] {
  const keys = new Set(perLanguage.flatMap((l) => l.months.map((m) => m.key)).filter((k) => parseMonthKey(k) !== null));
  return [...keys].sort().reverse();
}

/** selectSitemapArticles's `versions`; null for an item with no other public version. */
function groupVersions(versions: GroupVersions): { language: string; slug: string; source: boolean }[] | null {
  if (!versions) return null;
  const list = versions.split(",").map((v) => {
    const [language = "", slug = "", source] = v.split(" ");
    return { language, slug, source: source === "1" };
  });
  return list.length > 1 ? list : null;
}

/**
 * Articles in id order, so adding items only ever changes the last file of a split sitemap. An
 * item published in several languages lists every version as an hreflang alternate, x-default
 * being the default language's version (else the source's).
 */
async function articleUrls({ offset, limit }: { offset: number; limit: number }): Promise<SitemapUrl[]> {
  const db = await getDatabase();
  const { codes, defaultCode, at } = siteLanguages();
  const rows = await selectSitemapArticles(db, { offset, limit, languages: codes });
  return rows.map((r) => {
    const versions = groupVersions(r.versions);
    const fallback = versions && (versions.find((v) => v.language === defaultCode) ?? versions.find((v) => v.source) ?? versions[0]!);
    const alternates =
      versions && fallback
        ? hreflangAlternates(
            versions.map((v) => ({ language: v.language, loc: at(v.language, `/news/${v.slug}`) })),
            { order: codes, xDefault: at(fallback.language, `/news/${fallback.slug}`) },
          )
        : undefined;
    return { loc: at(r.language, `/news/${r.slug}`), lastmod: w3c(r.lastChange), alternates };
  });
}

async function countPublicArticles(): Promise<number> {
  return countSitemapArticles(await getDatabase(), siteLanguages().codes);
}

/** The newest lastmod of each article file of a split sitemap. */
async function articleFileLastmods(maxUrls: number): Promise<(string | undefined)[]> {
  const db = await getDatabase();
  const rows = await selectArticleFileLastChanges(db, maxUrls, siteLanguages().codes);
  return rows.map((r) => w3c(r.lastChange));
}

/**
 * /sitemap.xml: every public page in one file, or, past `maxUrls` URLs, an index of
 * /sitemaps/pages.xml and /sitemaps/articles-<n>.xml. `maxUrls` is only lowered by tests.
 */
async function getSitemapCached({ maxUrls = SITEMAP_MAX_URLS }: { maxUrls?: number } = {}): Promise<CachedDocument> {
  "use cache";
  tagSitemap();
  const [pages, total] = await Promise.all([pageUrls(), countPublicArticles()]);
  const plan = planSitemap({ pageUrls: pages.length, articleUrls: total, maxUrls });
  if (plan.kind === "single") {
    const body = renderUrlset([...pages, ...(await articleUrls({ offset: 0, limit: total }))]);
    return makeCachedDocument(body, Date.now());
  }
  const lastmods = await articleFileLastmods(maxUrls);
  const files: SitemapUrl[] = [
    { loc: absolute(sitemapFilePath({ kind: "pages" })), lastmod: latest(pages.map((p) => p.lastmod)) },
    ...Array.from({ length: plan.articleFiles }, (_, i) => ({
      loc: absolute(sitemapFilePath({ kind: "articles", number: i + 1 })),
      lastmod: lastmods[i],
    })),
  ];
  return makeCachedDocument(renderSitemapIndex(files), Date.now());
}

async function cachedSitemapFile(name: string, maxUrls: number): Promise<CachedDocument | null> {
  "use cache";
  tagSitemap();
  const file = parseSitemapFileName(name)!;
  if (file.kind === "pages") return makeCachedDocument(renderUrlset(await pageUrls()), Date.now());
  const urls = await articleUrls({ offset: (file.number - 1) * maxUrls, limit: maxUrls });
  if (urls.length === 0) return null;
  return makeCachedDocument(renderUrlset(urls), Date.now());
}

/** One file of a split sitemap by its name ("pages.xml", "articles-3.xml"), or null. */
async function findSitemapFile({ name, maxUrls = SITEMAP_MAX_URLS }: { name: string; maxUrls?: number }) {
  // Names are checked before the cached call, so junk URLs never create cache entries.
  if (!parseSitemapFileName(name)) return null;
  return cachedSitemapFile(name, maxUrls);
}

/** robots.txt: crawlers may read the public site; the studio and the API are not for them. */
function robotsForSite(siteUrl: string) {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/studio", "/api"] },
    sitemap: [new URL("/sitemap.xml", siteUrl).href, new URL("/news-sitemap.xml", siteUrl).href],
  };
}

export const getSitemap = publicRead("sitemaps are for crawlers", getSitemapCached);
export const getSitemapFile = publicRead("sitemaps are for crawlers", findSitemapFile);
export const robotsFor = publicRead("robots.txt is for crawlers", robotsForSite);
// The news sitemap has its own file; callers and tests keep importing it from here.
export { getNewsSitemap, NEWS_WINDOW_MS } from "./news-sitemap";

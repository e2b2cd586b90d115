import { describe, expect, it } from "vitest";
import { isHtmlPagePath } from "@/lib/http/content-security-policy";
import nextConfig from "@/next.config";
import { config } from "@/proxy";

/**
 * Every HTML page must get exactly one policy: proxy.ts's nonce one (its first matcher, which
 * repeats isHtmlPagePath as a literal) or next.config.ts's static one, never both and never none.
 */
const pageMatcher = new RegExp(`^${config.matcher[0] as string}$`);
const PATHS = [
  "/",
  "/news/some-story",
  "/category/government",
  "/category/government/page/2",
  "/archive",
  "/archive/2026/02",
  "/page/2",
  "/search",
  "/sign-in",
  "/studio/articles/3",
  "/preview/abc",
  "/no-such-page",
  "/feed.xml",
  "/atom.xml",
  "/feed.json",
  "/sitemap.xml",
  "/news-sitemap.xml",
  "/sitemaps/2026-02.xml",
  "/robots.txt",
  "/favicon.ico",
  "/category/government/feed.xml",
  "/category/government/feed.json",
  "/api/health",
  "/_next/static/chunks/a.js",
  "/media/k/960.webp",
];

async function staticPolicySources(): Promise<RegExp[]> {
  const entries = await nextConfig.headers!();
  return entries
    .filter((e) => e.headers.some((h) => h.key === "Content-Security-Policy"))
    .map((e) => new RegExp(`^${e.source.replace(/:path\*/g, ".*")}$`));
}

describe("which policy a path gets", () => {
  it("the proxy's page matcher and isHtmlPagePath agree", () => {
    for (const path of PATHS) expect(pageMatcher.test(path), path).toBe(isHtmlPagePath(path));
  });

  it("next.config.ts's static policy covers exactly the non-pages, less /media/", async () => {
    const sources = await staticPolicySources();
    for (const path of PATHS) {
      const expected = !isHtmlPagePath(path) && !path.startsWith("/media/");
      expect(
        sources.some((s) => s.test(path)),
        path,
      ).toBe(expected);
    }
  });
});

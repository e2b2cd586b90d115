import { describe, expect, it } from "vitest";
import { cachedPublicPage, isCacheablePublicPage, isPageFill } from "@/server/cache/public-page-cache";

describe("which addresses the whole-page cache may keep", () => {
  it("keeps public pages without a query string, and searches by their query string", () => {
    for (const path of ["/", "/archive", "/news/some-item", "/category/tourism", "/category/tourism/page/2", "/page/3", "/archive/2026/02"])
      expect(isCacheablePublicPage(path, ""), path).toBe(true);
    expect(isCacheablePublicPage("/search", "?q=governor")).toBe(true);
  });

  it("never keeps a page asked for with a query string, an over-long search, or anything else", () => {
    expect(isCacheablePublicPage("/news/some-item", "?utm_source=x")).toBe(false);
    expect(isCacheablePublicPage("/", "?a=1")).toBe(false);
    expect(isCacheablePublicPage("/search", `?q=${"x".repeat(400)}`)).toBe(false);
    expect(isCacheablePublicPage("/about", "")).toBe(false);
    expect(isCacheablePublicPage("/news", "")).toBe(false);
  });

  it("recognises its own background render only by the per-process secret", () => {
    expect(isPageFill(new Headers({ "x-koho-page-fill": "guess" }))).toBe(false);
    expect(isPageFill(new Headers())).toBe(false);
  });

  it("has nothing to serve without the cache handler running", async () => {
    expect(await cachedPublicPage("/", "nonce")).toBeNull();
  });
});

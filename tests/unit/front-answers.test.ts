import { describe, expect, it } from "vitest";
import { feedKeyFor } from "@/server/cache/document-memo";
import { canonicalAddress } from "@/server/http/front-answers";

describe("canonicalAddress: which request targets the front server may look up", () => {
  it("keeps a target already in the form Next hands its routes", () => {
    expect(canonicalAddress("/")).toEqual({ path: "/", search: "" });
    expect(canonicalAddress("/news/a-b")).toEqual({ path: "/news/a-b", search: "" });
    expect(canonicalAddress("/search?q=budget&page=2")).toEqual({ path: "/search", search: "?q=budget&page=2" });
    expect(canonicalAddress("/news/%E6%9D%B1")).toEqual({ path: "/news/%E6%9D%B1", search: "" });
  });

  it("leaves to Next anything it would normalise, redirect or refuse", () => {
    for (const target of [
      "",
      "*",
      "news/a",
      "//news/a",
      "/news/../studio",
      "/news/./a",
      "/news\\a",
      "/news/%E0%A4%A",
      "/news/a?",
      "/news/a#x",
      "/news/a b",
      "http://evil.example/news/a",
      '/search?q="x"',
    ]) {
      expect(canonicalAddress(target), target).toBeNull();
    }
  });
});

describe("feedKeyFor: the memo key each feed route stores under", () => {
  it("names the site-wide and category feeds as their routes do", () => {
    expect(feedKeyFor("/feed.xml")).toEqual({ key: "site:rss", format: "rss" });
    expect(feedKeyFor("/atom.xml")).toEqual({ key: "site:atom", format: "atom" });
    expect(feedKeyFor("/feed.json")).toEqual({ key: "site:json", format: "json" });
    expect(feedKeyFor("/category/government/feed.xml")).toEqual({ key: "category:government:rss", format: "rss" });
    expect(feedKeyFor("/category/a-b-2/feed.json")).toEqual({ key: "category:a-b-2:json", format: "json" });
  });

  it("names another language's feeds as server/public/feed-responses.ts stores them", () => {
    expect(feedKeyFor("/ja/feed.xml")).toEqual({ key: "ja/site:rss", format: "rss" });
    expect(feedKeyFor("/ja/category/government/atom.xml")).toEqual({ key: "ja/category:government:atom", format: "atom" });
  });

  it("declines anything else", () => {
    for (const path of [
      "/feed.xml/",
      "/rss.xml",
      "/category/Gov/feed.xml",
      "/category/%67ov/feed.xml",
      "/category/a/b/feed.xml",
      "/sitemap.xml",
      // The default language has no prefix; an unconfigured one is no language.
      "/en/feed.xml",
      "/ko/feed.xml",
    ]) {
      expect(feedKeyFor(path), path).toBeNull();
    }
  });
});

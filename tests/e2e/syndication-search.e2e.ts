import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SearchPage } from "./pages/search-page";
import { accessibilityViolations } from "./support/browser";
import { pagePerTest } from "./support/page-per-test";
import { communique, seminar, syndicationDatabase } from "./support/syndication";

let baseURL: string;
let page: Page;

// The search must never find the hidden items, so they have to be there.
syndicationDatabase(
  (opened) => {
    ({ baseURL } = opened);
  },
  { hiddenItems: true },
);
pagePerTest((fresh) => {
  page = fresh.page;
});

describe("search", () => {
  it("finds the communiqué for “Gualtieri” from the header box, highlighted, and passes axe", async () => {
    const search = new SearchPage(page, baseURL);
    await page.goto(new URL("/", baseURL).href);
    await search.searchFromHeader("Gualtieri");
    expect(await search.resultsHeading()).toBe("1 result for “Gualtieri”");
    expect(await search.resultTitles()).toEqual([communique.title]);
    expect(await search.highlighted()).toContain("Gualtieri");
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("finds the seminar item for “Tomsk”, filters by category, and never finds hidden items", async () => {
    const search = new SearchPage(page, baseURL);
    expect(await search.open("?q=Tomsk")).toBe(200);
    expect(await search.resultTitles()).toEqual([seminar.title]);
    await search.open("?q=Tomsk&category=tourism");
    expect(await search.message()).toContain("No results for “Tomsk”");
    for (const word of ["zeppelin", "marimba", "Secret draft text"]) {
      await search.open(`?q=${encodeURIComponent(word)}`);
      expect(await search.message(), word).toContain("No results");
    }
  });

  it("shows a clear no-results page with suggestions, and passes axe", async () => {
    const search = new SearchPage(page, baseURL);
    expect(await search.open("?q=quokka&category=culture&from=2020-01-01")).toBe(200);
    const message = await search.message();
    expect(message).toContain("No results for “quokka”");
    expect(message).toContain("check the spelling");
    expect(await page.getByRole("link", { name: "search all categories and dates" }).getAttribute("href")).toBe("/search?q=quokka");
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("answers FTS syntax, quotes, a 2,000-character query and bad parameters with a page, never an error", async () => {
    const search = new SearchPage(page, baseURL);
    const cases: [string, RegExp][] = [
      ['"unbalanced', /No results for “"unbalanced”/],
      ["AND OR NOT", /no words to look for/],
      ["*", /no words to look for/],
      ["a".repeat(2_000), /at most 200 characters/],
      ["NEAR(rome tokyo", /result|No results/],
    ];
    for (const [q, expected] of cases) {
      expect(await search.open(`?q=${encodeURIComponent(q)}`), q.slice(0, 20)).toBe(200);
      expect(await page.locator("main").innerText()).toMatch(expected);
    }
    await search.open("?q=rome&from=2026-02-30&page=abc");
    expect(await search.message()).toMatch(/real date[\s\S]*whole number/);
    await search.open("?q=governor&page=500");
    expect(await search.message()).toContain("There is no page 500");
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});

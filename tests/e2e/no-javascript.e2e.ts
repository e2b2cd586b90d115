import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { parseSeedDocument } from "@/lib/content/seed-parser";
import { SearchPage } from "./pages/search-page";
import { accessibilityViolations, launchBrowser } from "./support/browser";

/**
 * A reader whose browser runs no JavaScript (blocked by policy, a failed script download,
 * a text browser) gets everything from the HTML itself: Chromium here has JavaScript off,
 * so nothing a script would add or reveal (streamed content, client-rendered 404s) counts.
 */
const communique = parseSeedDocument(readFileSync(join(process.cwd(), "db/demo/joint-communique-rome-tokyo.txt"), "utf8"));

let browser: Browser;
let context: BrowserContext;
let page: Page;
let baseURL: string;

/**
 * axe needs timers, which never fire in a page with JavaScript disabled, so the accessibility
 * check opens the same address in a context where a `script-src 'none'` policy refuses every
 * script of the page's own: the DOM axe sees is the server's HTML, as a no-JavaScript reader gets it.
 */
async function violationsWithoutPageScripts(path: string): Promise<string[]> {
  const checking = await browser.newContext();
  try {
    await checking.route("**/*", async (route) => {
      if (route.request().resourceType() !== "document") return route.continue();
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": "script-src 'none'" } });
    });
    const checked = await checking.newPage();
    await checked.goto(new URL(path, baseURL).href);
    // Next's inline scripts define self.__next_f: if it exists, page scripts ran and the check would be void.
    expect(await checked.evaluate(() => typeof (self as unknown as { __next_f?: unknown }).__next_f)).toBe("undefined");
    return await accessibilityViolations(checked);
  } finally {
    await checking.close();
  }
}

beforeAll(async () => {
  baseURL = inject("baseURL");
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  await context?.close();
  context = await browser.newContext({ javaScriptEnabled: false });
  page = await context.newPage();
});

describe("search without JavaScript", () => {
  it("finds the Rome–Tokyo joint communiqué for “Gualtieri” from the header box, highlighted, and passes axe", async () => {
    const search = new SearchPage(page, baseURL);
    await page.goto(new URL("/", baseURL).href);
    await search.searchFromHeader("Gualtieri");
    expect(await search.resultsHeading()).toBe("1 result for “Gualtieri”");
    expect(await search.resultTitles()).toEqual([communique.title]);
    expect(await search.highlighted()).toContain("Gualtieri");
    expect(await search.queryFieldValue()).toBe("Gualtieri");
    expect(await violationsWithoutPageScripts("/search?q=Gualtieri")).toEqual([]);
  });

  it("shows filters, no-results advice and problems with the search in the page itself", async () => {
    const search = new SearchPage(page, baseURL);
    expect(await search.open("?q=Gualtieri&category=tourism")).toBe(200);
    expect(await search.selectedCategory()).toBe("tourism");
    expect(await search.message()).toContain("No results for “Gualtieri”");
    await search.open("?q=rome&from=2026-02-30");
    expect(await search.message()).toMatch(/real date/);
    await search.open("?q=governor&page=500");
    expect(await search.message()).toContain("There is no page 500");
  });
});

describe("404 without JavaScript", () => {
  const unknown = ["/news/no-such-item", "/category/no-such-category", "/page/99", "/archive/1999/01", "/no-such-section/at-all"];

  it("answers /news/no-such-item with a 404 that has a title, a language, the site's header and footer, and ways on", async () => {
    const response = await page.goto(new URL("/news/no-such-item", baseURL).href);
    expect(response?.status()).toBe(404);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.title()).toMatch(/^Page not found \| /);
    expect(await page.locator("main h1:visible").allInnerTexts()).toEqual(["Page not found"]);
    expect(await page.getByRole("navigation", { name: "Categories" }).isVisible()).toBe(true);
    expect(await page.getByRole("navigation", { name: "Footer" }).isVisible()).toBe(true);
    expect(await page.locator("main").getByRole("search").getByLabel("Search news").isVisible()).toBe(true);
    expect(await page.locator("main").getByRole("link", { name: "Read the latest news" }).isVisible()).toBe(true);
    expect(await violationsWithoutPageScripts("/news/no-such-item")).toEqual([]);
  });

  it("gives every kind of unknown public address the same helpful 404", async () => {
    for (const path of unknown) {
      const response = await page.goto(new URL(path, baseURL).href);
      expect(response?.status(), path).toBe(404);
      expect(await page.locator("html").getAttribute("lang"), path).toBe("en");
      expect(await page.title(), path).not.toBe("");
      expect(await page.locator("main h1:visible").allInnerTexts(), path).toEqual(["Page not found"]);
    }
  });

  it("lets the 404's own search box lead to results", async () => {
    await page.goto(new URL("/news/no-such-item", baseURL).href);
    const box = page.locator("main").getByRole("search");
    await box.getByLabel("Search news").fill("Gualtieri");
    await Promise.all([page.waitForURL(/\/search\?q=Gualtieri/), box.getByRole("button", { name: "Search" }).click()]);
    expect(await new SearchPage(page, baseURL).resultTitles()).toEqual([communique.title]);
  });
});

describe("icons", () => {
  it("serves /favicon.ico and every icon the pages link to", async () => {
    const favicon = await context.request.get(new URL("/favicon.ico", baseURL).href);
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()["content-type"]).toMatch(/^image\//);
    await page.goto(new URL("/", baseURL).href);
    const hrefs = await page
      .locator('link[rel="icon"], link[rel="apple-touch-icon"]')
      .evaluateAll((links) => links.map((l) => l.getAttribute("href") ?? ""));
    expect(hrefs.length).toBeGreaterThanOrEqual(2);
    for (const href of hrefs) {
      const icon = await context.request.get(new URL(href, baseURL).href);
      expect(icon.status(), href).toBe(200);
      expect(icon.headers()["content-type"], href).toMatch(/^image\//);
    }
  });
});

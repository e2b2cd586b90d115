import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { parseSeedDocument } from "@/lib/content/seed-parser";
import { formatDateline } from "@/lib/dates";
import { slugify } from "@/lib/slug";
import { PublicSite } from "./pages/public-site";
import { accessibilityViolations, launchBrowser } from "./support/browser";
import { DRAFT_SLUG } from "./support/fixtures";

const seeds = join(process.cwd(), "db/demo");
const seminar = parseSeedDocument(readFileSync(join(seeds, "governor-meets-global-partners-seminar.txt"), "utf8"));
const communique = parseSeedDocument(readFileSync(join(seeds, "joint-communique-rome-tokyo.txt"), "utf8"));

let browser: Browser;
let page: Page;
let site: PublicSite;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  page = await (await browser.newContext()).newPage();
  site = new PublicSite(page, inject("baseURL"));
});

describe("public news pages", () => {
  it("lists the seeded news on the home page", async () => {
    expect(await site.open("/")).toBe(200);
    expect(await site.heading()).toBe("Latest news");
    const titles = await site.listedTitles();
    expect(titles).toContain(communique.title);
    expect(titles).toContain(seminar.title);
    // Other browser tests publish into the same database: every seeded item must be listed.
    const seeded = [seminar.title, communique.title, ...seminar.recommended.map((r) => r.title)];
    expect(titles.filter((t) => seeded.includes(t)).sort()).toEqual([...seeded].sort());
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("shows the communiqué with every paragraph, its dateline, both signatories and recommendations", async () => {
    expect(await site.open(`/news/${slugify(communique.title)}`)).toBe(200);
    expect(await site.headingCount()).toBe(1);
    expect(await site.heading()).toBe(communique.title);
    const text = (await site.articleText()).replace(/\s+/g, " ");
    for (const paragraph of communique.paragraphs) expect(text).toContain(paragraph);
    expect(await site.articleDate()).toBe("February 5, 2026");
    expect(await site.signatories()).toEqual(communique.signatories);
    expect((await site.recommended()).length).toBeGreaterThan(0);
    expect(await page.locator('article time[datetime="2026-02-05"]').count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("shows the seminar item in Government with the ten recommended titles and dates in the seed's order", async () => {
    expect(await site.open(`/news/${slugify(seminar.title)}`)).toBe(200);
    expect(await page.locator(".article-header .category-label").innerText()).toMatch(/government/i);
    const text = (await site.articleText()).replace(/\s+/g, " ");
    for (const paragraph of seminar.paragraphs) expect(text).toContain(paragraph);
    expect(await site.recommended()).toEqual(
      seminar.recommended.map((r) => ({ title: r.title, date: r.date, text: formatDateline(r.date) })),
    );
  });

  it("follows a recommendation to its own page", async () => {
    await site.open(`/news/${slugify(seminar.title)}`);
    await page.getByRole("link", { name: seminar.recommended[2]!.title }).click();
    await page.waitForURL(`**/news/${slugify(seminar.recommended[2]!.title)}`);
    expect(await site.heading()).toBe(seminar.recommended[2]!.title);
  });

  it("lists a category and pages cleanly", async () => {
    expect(await site.open("/category/government")).toBe(200);
    expect(await site.listedTitles()).toContain(seminar.title);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await site.open("/page/0")).toBe(404);
    expect(await site.open("/page/abc")).toBe(404);
    expect(await site.open("/page/99")).toBe(404);
    expect(await site.open("/category/government/page/abc")).toBe(404);
    await site.open("/page/1");
    expect(new URL(page.url()).pathname).toBe("/");
  });

  it("answers 404 with a helpful page for an unknown slug and for a draft", async () => {
    expect(await site.open("/news/no-such-news-item")).toBe(404);
    expect(await site.heading()).toBe("Page not found");
    expect(await page.getByRole("link", { name: "Read the latest news" }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await site.open(`/news/${DRAFT_SLUG}`)).toBe(404);
    expect(await page.content()).not.toContain("Secret draft text");
    expect(await site.open("/category/no-such-category")).toBe(404);
  });

  it("lets a keyboard user skip to the content", async () => {
    await site.open(`/news/${slugify(communique.title)}`);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
  });
});

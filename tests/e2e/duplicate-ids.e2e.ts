import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { accessibilityViolations } from "./support/browser";
import { pagePerTest } from "./support/page-per-test";
import type { Studio } from "./pages/studio";

let page: Page;
let studio: Studio;

pagePerTest((fresh) => {
  ({ page, studio } = fresh);
});

type IdReport = { duplicates: string[]; broken: string[]; skipTarget: string };

/**
 * Every id in the whole document (pages kept hidden by React's <Activity> included), and every
 * reference a label, an ARIA attribute or an in-page link makes, checked against the page a
 * person sees: each id once, each reference to an element that is rendered.
 */
function idReport(): Promise<IdReport> {
  return page.evaluate(() => {
    const counts = new Map<string, number>();
    for (const el of document.querySelectorAll("[id]")) counts.set(el.id, (counts.get(el.id) ?? 0) + 1);
    const duplicates = [...counts].filter(([, n]) => n > 1).map(([id, n]) => `${id} ×${n}`);
    const shown = (el: Element) => el.checkVisibility({ visibilityProperty: false, opacityProperty: false });
    const broken: string[] = [];
    const check = (from: Element, attr: string, ids: string[]) => {
      if (!shown(from)) return; // a hidden page's own references are not read
      for (const id of ids) {
        const target = document.getElementById(id);
        if (!target || !shown(target)) broken.push(`${from.tagName.toLowerCase()}[${attr}] → #${id} ${target ? "(hidden)" : "(missing)"}`);
      }
    };
    for (const label of document.querySelectorAll("label[for]")) check(label, "for", [label.getAttribute("for")!]);
    for (const attr of ["aria-labelledby", "aria-describedby", "aria-controls"]) {
      for (const el of document.querySelectorAll(`[${attr}]`)) check(el, attr, el.getAttribute(attr)!.split(/\s+/).filter(Boolean));
    }
    for (const a of document.querySelectorAll('a[href^="#"]')) {
      const id = decodeURIComponent(a.getAttribute("href")!.slice(1));
      if (id) check(a, "href", [id]);
    }
    const skip = document.querySelector<HTMLAnchorElement>("a.skip-link");
    const main = skip ? document.getElementById(skip.hash.slice(1)) : null;
    const skipTarget = !skip
      ? "no skip link"
      : !main
        ? "missing"
        : main.tagName !== "MAIN"
          ? main.tagName
          : shown(main)
            ? "visible main"
            : "hidden main";
    return { duplicates, broken, skipTarget };
  });
}

async function expectCleanIds(where: string) {
  await page.locator("main h1:visible").first().waitFor();
  expect({ where, ...(await idReport()) }).toEqual({ where, duplicates: [], broken: [], skipTarget: "visible main" });
}

async function viaMenu(label: string, heading: string | RegExp) {
  await page.getByRole("navigation", { name: "Studio" }).getByRole("link", { name: label, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
}

async function openItem(n: number) {
  await page.locator(".data-table tbody tr a:visible").nth(n).click();
  await page.waitForURL(/\/studio\/articles\/\d+$/);
  await studio.body().waitFor();
  await page.getByRole("heading", { level: 1, name: "Edit news item" }).waitFor();
}

describe("ids in a document that keeps earlier pages hidden", () => {
  it("are unique in the studio, and labels, ARIA references and the skip link reach the visible page", async () => {
    await studio.signInAndWait("editor@koho.example", "editor-demo-pass");
    await expectCleanIds("dashboard");
    await viaMenu("News items", "News items");
    await expectCleanIds("news items");
    await openItem(0);
    await expectCleanIds("first editor");
    await viaMenu("News items", "News items");
    await openItem(1);
    await expectCleanIds("second editor");
    expect(await accessibilityViolations(page)).toEqual([]);
    await viaMenu("Lists", /Lists|Recommended/);
    await expectCleanIds("lists");
    await viaMenu("Dashboard", "Dashboard");
    await expectCleanIds("dashboard again");
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: /Lists|Recommended/ }).waitFor();
    await expectCleanIds("back to lists");
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("are unique after the new-list form and then a list's editor, which share field names", async () => {
    await studio.signInAndWait("editor@koho.example", "editor-demo-pass");
    await viaMenu("Lists", /Lists|Recommended/);
    await page.locator("main a[href='/studio/lists/new']:visible").click();
    await page.getByRole("heading", { level: 1, name: /New .*list/ }).waitFor();
    await expectCleanIds("new list form");
    await viaMenu("Lists", /Lists|Recommended/);
    await page.locator("main table a[href^='/studio/lists/']:visible").first().click();
    await page.waitForURL(/\/studio\/lists\/\d+$/);
    await expectCleanIds("a list's editor");
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("are unique on the public site after moving between its pages", async () => {
    await page.goto(new URL("/", inject("baseURL")).href);
    await expectCleanIds("home");
    const first = page.locator("main a[href^='/news/']:visible").first();
    await first.click();
    await page.waitForURL(/\/news\//);
    await expectCleanIds("first item");
    await page.getByRole("navigation", { name: "Footer" }).getByRole("link", { name: "Search" }).click();
    await page.waitForURL(/\/search/);
    await expectCleanIds("search");
    await page.getByRole("navigation", { name: "Footer" }).getByRole("link", { name: "Archive" }).click();
    await page.waitForURL(/\/archive/);
    await expectCleanIds("archive");
    await page.locator("header .site-name a").click();
    await page.waitForURL((u) => u.pathname === "/");
    await expectCleanIds("home again");
    await page.goBack();
    await page.waitForURL(/\/archive/);
    await expectCleanIds("back to the archive");
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});

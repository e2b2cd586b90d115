import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, inject } from "vitest";
import { Studio } from "../pages/studio";
import { launchBrowser } from "./browser";

export type PagePerTest = { browser: Browser; context: BrowserContext; page: Page; studio: Studio };

/**
 * One Chromium per file, and a fresh context (no cookies, no storage) and page for every test,
 * so no test inherits another's sign-in. `use` receives them before each test.
 */
export function pagePerTest(use: (fresh: PagePerTest) => void) {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    use({ browser, context, page, studio: new Studio(page, inject("baseURL")) });
  });
}

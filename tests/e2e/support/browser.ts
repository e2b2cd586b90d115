import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";

/** Debian's Chromium, headless, with the flags this sandboxed root machine needs. Never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** WCAG 2.2 A/AA violations on the page as it stands, as short readable lines. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // Check the page as a person meets it once it has loaded, not a streaming placeholder.
  await page.waitForLoadState("load");
  await page
    .locator("main h1")
    .first()
    .waitFor({ timeout: 15_000 })
    .catch(() => {});
  // Next streams metadata into dynamic pages after the content; wait for the <title> too.
  await page.waitForFunction(() => document.title.trim() !== "", null, { timeout: 15_000 }).catch(() => {});
  await page
    .locator("[role=status]", { hasText: /^Loading/ })
    .first()
    .waitFor({ state: "detached", timeout: 15_000 })
    .catch(() => {});
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

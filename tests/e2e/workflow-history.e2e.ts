import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ArticlePreviewPage, HistoryPage } from "./pages/history";
import { Studio, editorField } from "./pages/studio";
import { accessibilityViolations, launchBrowser } from "./support/browser";

let browser: Browser;
const contexts: BrowserContext[] = [];

async function freshPage(): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  return context.newPage();
}

/** Waits for the editor to notice a change, then for the autosave that follows it. */
async function waitForNextSave(studio: Studio) {
  await studio.page.waitForFunction(() => !/Saved at/.test(document.querySelector(".save-status [role=status]")?.textContent ?? ""), null, {
    timeout: 5_000,
  });
  await studio.waitForSaved();
}

let articleId: number;
const FIRST_TEXT = "The governor will open the bridge on Monday with the mayor.";
const SECOND_TEXT = "The governor will open the bridge on Tuesday with the deputy mayor.";

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

describe("revision history and preview", () => {
  it("shows a writer the inserted and deleted words between two saves, accessibly", async () => {
    const page = await freshPage();
    const studio = new Studio(page, inject("baseURL"));
    const history = new HistoryPage(page, inject("baseURL"));
    await studio.signInAndWait("writer@koho.example", "writer-demo-pass");
    articleId = await studio.newArticle();

    await page.fill(editorField("title"), "Governor opens the river bridge");
    await studio.body().click();
    await page.keyboard.type(FIRST_TEXT);
    await waitForNextSave(studio);

    expect(await history.open(articleId)).toBe(200);
    const [firstVersion] = await history.versions();

    await page.goto(studio.url(`/studio/articles/${articleId}`));
    await studio.body().waitFor();
    // Rewrite the sentence in one edit: "Monday" becomes "Tuesday" and "deputy" is added.
    await studio.body().click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.insertText(SECOND_TEXT);
    await waitForNextSave(studio);
    expect(await studio.body().innerText()).toBe(SECOND_TEXT);

    await history.open(articleId);
    const versions = await history.versions();
    expect(versions.length).toBeGreaterThanOrEqual(2);
    await history.compare(firstVersion!, versions[0]!);
    expect(await history.inserted()).toEqual(["Tuesday", "deputy"]);
    expect(await history.deleted()).toEqual(["Monday"]);
    expect(await history.inserted("Title")).toEqual([]);
    expect(await history.legend()).toMatch(/inserted words are underlined.*deleted words are struck through/);
    expect(await accessibilityViolations(page)).toEqual([]);

    const preview = new ArticlePreviewPage(page, inject("baseURL"));
    expect(await preview.open(articleId)).toBe(200);
    expect(await preview.banner().innerText()).toContain("Preview — not public");
    expect(await page.locator("article h1").innerText()).toBe("Governor opens the river bridge");
    expect(await page.locator(".article-body").innerText()).toContain("on Tuesday with the deputy mayor");
    expect(await page.getByRole("heading", { name: "Preview links" }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("lets a publisher share a private, uncached preview link and revoke it at once", async () => {
    const page = await freshPage();
    const studio = new Studio(page, inject("baseURL"));
    const preview = new ArticlePreviewPage(page, inject("baseURL"));
    await studio.signInAndWait("publisher@koho.example", "publisher-demo-pass");
    await preview.open(articleId);
    const url = await preview.createLink("1 day");
    expect(url).toMatch(new RegExp(`^${inject("baseURL")}/preview/[A-Za-z0-9_-]{43}$`));
    expect(await preview.activeLinkRows().count()).toBe(1);
    expect(await preview.activeLinkRows().first().innerText()).toContain("Perri Publisher");
    expect(await accessibilityViolations(page)).toEqual([]);

    const reader = await freshPage();
    const response = await reader.goto(url);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["cache-control"]).toContain("no-store");
    expect(response?.headers()["cache-control"]).toContain("private");
    await reader.getByRole("note", { name: "Preview notice" }).waitFor();
    expect(await reader.getByRole("note", { name: "Preview notice" }).innerText()).toContain("Preview — not public");
    expect(await reader.locator(".article-body").innerText()).toContain("on Tuesday with the deputy mayor");
    expect(await reader.locator('meta[name="robots"]').getAttribute("content")).toMatch(/noindex.*nofollow/);
    expect(await accessibilityViolations(reader)).toEqual([]);

    await preview.revokeFirst();
    expect(await page.getByText("No active preview links.").count()).toBe(1);
    const again = await reader.goto(url);
    expect(again?.headers()["cache-control"]).toContain("no-store");
    await reader.getByRole("heading", { name: "Preview link not valid" }).waitFor();
    expect(await reader.locator("main").innerText()).toContain("This preview link is not valid (it may have expired or been revoked)");
    expect(await reader.locator("main").innerText()).not.toContain("deputy mayor");
    expect(await accessibilityViolations(reader)).toEqual([]);
  });

  it("restores an earlier save only after the confirmation step", async () => {
    const page = await freshPage();
    const studio = new Studio(page, inject("baseURL"));
    const history = new HistoryPage(page, inject("baseURL"));
    await studio.signInAndWait("writer@koho.example", "writer-demo-pass");
    await history.open(articleId);
    const [newest, ...older] = await history.versions();
    const first = older.at(-1)!;
    await history.startRestore(first);
    expect(await page.getByRole("heading", { name: `Restore version ${first}?` }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    // The server checks the confirmation too, not only the browser's "required".
    await page.locator("#restore-confirm").evaluate((box) => box.removeAttribute("required"));
    await page.getByRole("button", { name: "Restore this revision" }).click();
    expect(await page.locator("#restore-error").innerText()).toContain("Tick “I understand this replaces the current draft”");
    expect((await history.versions())[0]).toBe(newest);
    await history.confirmRestore();
    expect(await page.getByRole("status").filter({ hasText: "Revision restored" }).innerText()).toContain(`version ${newest! + 1}`);
    expect((await history.versions())[0]).toBe(newest! + 1);

    await new ArticlePreviewPage(page, inject("baseURL")).open(articleId);
    expect(await page.locator(".article-body").innerText()).toBe(FIRST_TEXT);
  });

  it("answers a malformed or unknown token with the not-valid page", async () => {
    const reader = await freshPage();
    for (const token of ["not-a-token", "A".repeat(43)]) {
      await reader.goto(new URL(`/preview/${token}`, inject("baseURL")).href);
      await reader.getByRole("heading", { name: "Preview link not valid" }).waitFor();
    }
  });
});

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { accessibilityViolations, launchBrowser } from "./support/browser";
import { signedInAs } from "./support/signed-in";
import { editorField } from "./pages/studio";

let browser: Browser;
const base = () => inject("baseURL");

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const presenceLine = (page: Page) => page.locator('section[aria-label="Who else is here"] [role=status]').innerText();
const titleReadOnly = (page: Page) => page.locator(editorField("title")).evaluate((el) => (el as HTMLInputElement).readOnly);
const bodyEditable = (page: Page) => page.locator("#article-body-editor").getAttribute("contenteditable");
// A heartbeat is 10 s: "within one heartbeat" with room for a busy test machine.
const BEAT = { timeout: 25_000, interval: 250 };

describe("presence and the soft edit lock, in two browsers", () => {
  it("shows the second editor who is editing, lets them take over with the latest words, and tells the first", async () => {
    const a = await signedInAs(browser, base(), "editor@koho.example", "editor-demo-pass");
    const id = await a.studio.newArticle();
    await a.page.fill(editorField("title"), "Ferry pier repairs start in January");
    await a.page.fill(editorField("summary"), "The east pier closes for six weeks.");
    await a.studio.body().click();
    await a.page.keyboard.type("The east pier closes for repairs.");
    await a.studio.waitForSaved();

    const b = await signedInAs(browser, base(), "publisher@koho.example", "publisher-demo-pass");
    await b.page.goto(`${base()}/studio/articles/${id}`);
    await expect.poll(() => presenceLine(b.page), BEAT).toMatch(/^Eiji Editor is editing — since \d\d:\d\d$/);
    expect(await titleReadOnly(b.page)).toBe(true);
    expect(await bodyEditable(b.page)).toBe("false");
    expect(await b.page.locator(editorField("edit-lock-reason")).innerText()).toMatch(/read-only for you until you take over editing/);
    expect(await accessibilityViolations(b.page)).toEqual([]);

    // A keeps writing after B opened the item: B's page shows older words until B takes over.
    await a.studio.body().press("End");
    await a.page.keyboard.type(" Ferries use the west pier.");
    await a.studio.waitForSaved();

    const takeOver = b.page.getByRole("button", { name: "Take over editing" });
    await takeOver.focus();
    await b.page.keyboard.press("Enter");
    await expect.poll(() => titleReadOnly(b.page), BEAT).toBe(false);
    expect(await bodyEditable(b.page)).toBe("true");
    expect(await b.studio.body().innerText()).toContain("Ferries use the west pier.");
    expect(await presenceLine(b.page)).toMatch(/^You took over editing at \d\d:\d\d\.$/);
    // Focus goes where B types next: the Title field of this item's editor.
    await expect.poll(() => b.page.evaluate(() => document.activeElement?.id), BEAT).toMatch(/^item-\d+-title$/);
    await b.studio.body().click();
    await b.studio.body().press("End");
    await b.page.keyboard.type(" Signs show the way.");
    await b.studio.waitForSaved();
    expect(await accessibilityViolations(b.page)).toEqual([]);

    await expect.poll(() => presenceLine(a.page), BEAT).toMatch(/^Perri Publisher took over editing at \d\d:\d\d$/);
    expect(await titleReadOnly(a.page)).toBe(true);
    expect(await bodyEditable(a.page)).toBe("false");
    // A's words stay on screen to copy; nothing of A's was thrown away.
    expect(await a.studio.body().innerText()).toContain("Ferries use the west pier.");
    expect(await a.page.getByRole("button", { name: "Take over editing" }).count()).toBe(1);
    expect(await accessibilityViolations(a.page)).toEqual([]);

    await a.page.context().close();
    await b.page.context().close();
  }, 180_000);

  it("works the same in a list's editor", async () => {
    const a = await signedInAs(browser, base(), "editor@koho.example", "editor-demo-pass");
    await a.page.goto(`${base()}/studio/lists`);
    const href = await a.page.locator("main table a[href^='/studio/lists/']").first().getAttribute("href");
    await a.page.goto(`${base()}${href}`);
    const listName = (page: Page) => page.locator('.list-editor input[id^="list-"][id$="-name"]');
    expect(await listName(a.page).isDisabled()).toBe(false);

    const b = await signedInAs(browser, base(), "publisher@koho.example", "publisher-demo-pass");
    await b.page.goto(`${base()}${href}`);
    await expect.poll(() => presenceLine(b.page), BEAT).toMatch(/^Eiji Editor is editing — since \d\d:\d\d$/);
    expect(await listName(b.page).isDisabled()).toBe(true);
    expect(await accessibilityViolations(b.page)).toEqual([]);

    await b.page.getByRole("button", { name: "Take over editing" }).click();
    await expect.poll(() => listName(b.page).isDisabled(), BEAT).toBe(false);
    await expect.poll(() => b.page.evaluate(() => document.activeElement?.id), BEAT).toMatch(/^list-\d+-name$/);

    await expect.poll(() => presenceLine(a.page), BEAT).toMatch(/^Perri Publisher took over editing at \d\d:\d\d$/);
    expect(await listName(a.page).isDisabled()).toBe(true);
    expect(await accessibilityViolations(a.page)).toEqual([]);

    await a.page.context().close();
    await b.page.context().close();
  }, 180_000);
});

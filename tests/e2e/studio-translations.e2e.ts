import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase } from "@/db/client";
import { articles } from "@/db/schema";
import { parseSeedDocument } from "@/lib/content/seed-parser";
import { Studio, editorField } from "./pages/studio";
import { accessibilityViolations, launchBrowser } from "./support/browser";

const WIDE = { width: 1366, height: 900 };
const NARROW = { width: 390, height: 844 };

let browser: Browser;
const base = () => inject("baseURL");
const seed = (file: string) => parseSeedDocument(readFileSync(resolve("db/demo", file), "utf8"));
const communique = seed("joint-communique-rome-tokyo.txt");
const communiqueJa = seed("joint-communique-rome-tokyo.ja.txt");
// The demo's other published English item: it has no Japanese version, so a writer can add one.
const seminar = seed("governor-meets-global-partners-seminar.txt");
const TRANSLATED_TITLE = "第2回東京グローバル・パートナーズ・セミナー参加者と知事が会談";

/** The writer, signed in on a screen of this size. */
async function writerAt(viewport: { width: number; height: number }) {
  const page = await (await browser.newContext({ viewport })).newPage();
  const studio = new Studio(page, base());
  await studio.signInAndWait("writer@koho.example", "writer-demo-pass");
  return { page, studio };
}

/** Opens a published English item from the item list, as a writer would. */
async function openItem(page: Page, studio: Studio, search: string, title: string) {
  await page.goto(studio.url(`/studio/articles?q=${encodeURIComponent(search)}&language=en`));
  await page.getByRole("link", { name: title, exact: true }).click();
  await page.waitForURL(/\/studio\/articles\/\d+$/);
  await studio.body().waitFor();
  return Number(new URL(page.url()).pathname.split("/").pop());
}

async function box(page: Page, selector: string) {
  const b = await page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} is not shown`);
  return b;
}

const panel = (page: Page) => page.getByRole("region", { name: "Translations" });

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the translator's editor", () => {
  let sourceId: number;
  let translationId: number;

  it("the demo communiqué links its Japanese version, which opens beside its English source", async () => {
    const { page, studio } = await writerAt(WIDE);
    await openItem(page, studio, "Rome", communique.title);
    expect(await panel(page).innerText()).toContain("This item is in English");
    // It has its Japanese version already: no second one is offered.
    expect(await panel(page).getByRole("button", { name: "Add Japanese version" }).count()).toBe(0);
    const japanese = panel(page).getByRole("link", { name: communiqueJa.title.replace(/\s+/g, " ").trim() });
    expect(await japanese.getAttribute("lang")).toBe("ja");
    expect(await accessibilityViolations(page)).toEqual([]);

    await japanese.click();
    await page.waitForURL(/\/studio\/articles\/\d+$/);
    await studio.body().waitFor();
    await page.getByRole("heading", { name: "Source (English)", exact: true }).waitFor();
    const source = page.locator("section.source-column");
    expect(await source.getAttribute("lang")).toBe("en");
    expect(await source.innerText()).toContain("Gualtieri");
    expect(await page.getAttribute(editorField("title"), "lang")).toBe("ja");
    expect(await studio.body().getAttribute("lang")).toBe("ja");
    expect(await studio.body().innerText()).toContain("ローマ");
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("a writer adds the Japanese version of a published item and translates beside its source, by keyboard", async () => {
    const { page, studio } = await writerAt(WIDE);
    sourceId = await openItem(page, studio, "Global Partners", seminar.title);
    expect(await panel(page).innerText()).toContain("There are no other language versions yet.");
    const add = panel(page).getByRole("button", { name: "Add Japanese version", exact: true });
    // Keyboard only: the button takes focus and Enter presses it.
    await add.focus();
    expect(await add.evaluate((el) => document.activeElement === el)).toBe(true);
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => /\/studio\/articles\/\d+$/.test(url.pathname) && !url.pathname.endsWith(`/${sourceId}`));
    translationId = Number(new URL(page.url()).pathname.split("/").pop());
    await studio.body().waitFor();

    // The source, read only and in its own language, beside the editable translation.
    const source = page.locator("section.source-column");
    await page.getByRole("heading", { name: "Source (English)", exact: true }).waitFor();
    expect(await source.getAttribute("lang")).toBe("en");
    expect(await source.innerText()).toContain(seminar.title);
    expect(await source.locator("input, textarea, [contenteditable=true]").count()).toBe(0);
    const left = await box(page, "section.source-column");
    const right = await box(page, ".editor-main");
    expect(right.x).toBeGreaterThanOrEqual(left.x + left.width);
    expect(Math.abs(right.y - left.y)).toBeLessThan(40);

    // The translation starts from the source's words; its fields are Japanese.
    expect(await page.inputValue(editorField("title"))).toBe(seminar.title);
    expect(await page.getAttribute(editorField("title"), "lang")).toBe("ja");
    expect(await page.getAttribute(editorField("summary"), "lang")).toBe("ja");
    expect(await studio.body().getAttribute("lang")).toBe("ja");
    expect(await panel(page).innerText()).toMatch(/This item is in Japanese, a translation of/);
    expect(
      await panel(page)
        .getByRole("button", { name: /^Add .* version$/ })
        .count(),
    ).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Translating: the writer replaces the title with Japanese, from the keyboard.
    await page.focus(editorField("title"));
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type(TRANSLATED_TITLE);
    await studio.waitForSaved();

    // Back on the source: the Japanese version is listed, and no second one is offered.
    await page.goto(studio.url(`/studio/articles/${sourceId}`));
    await studio.body().waitFor();
    const listed = panel(page).getByRole("link", { name: TRANSLATED_TITLE });
    expect(await listed.getAttribute("lang")).toBe("ja");
    expect(await panel(page).getByRole("button", { name: "Add Japanese version" }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    // The item list names each item's language.
    await page.goto(studio.url(`/studio/articles?language=ja`));
    const row = page.locator("tr", { has: page.getByRole("link", { name: TRANSLATED_TITLE }) });
    expect(await row.locator("td").nth(1).innerText()).toContain("Japanese");
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 120_000);

  it("on a narrow screen the source comes first, then the translation", async () => {
    const { page, studio } = await writerAt(NARROW);
    await page.goto(studio.url(`/studio/articles/${translationId}`));
    await studio.body().waitFor();
    const source = await box(page, "section.source-column");
    const main = await box(page, ".editor-main");
    expect(main.y).toBeGreaterThanOrEqual(source.y + source.height);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("shows an out-of-date translation in the dashboard, the item list and beside the editor", async () => {
    // Marked straight in the database: publishing a major change is the workflow's own test (workflow e2e).
    const handle = await openDatabase(inject("databaseUrl"));
    try {
      await handle.db.update(articles).set({ outOfDateSince: new Date() }).where(eq(articles.id, translationId));
    } finally {
      handle.client.close();
    }
    const { page, studio } = await writerAt(WIDE);
    const section = page.getByRole("region", { name: "Translations out of date" });
    await page.goto(studio.url("/studio"));
    expect(await section.innerText()).toContain("Out of date");
    await section.getByRole("link", { name: TRANSLATED_TITLE }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goto(studio.url("/studio/articles?outOfDate=1"));
    const row = page.locator("tr", { has: page.getByRole("link", { name: TRANSLATED_TITLE }) });
    expect(await row.innerText()).toContain("Out of date");

    await row.getByRole("link", { name: TRANSLATED_TITLE }).click();
    await page.waitForURL(`**/studio/articles/${translationId}`);
    await studio.body().waitFor();
    expect(await page.locator("section.source-column").innerText()).toMatch(/Out of date since/);
    // The writer may not confirm "no change needed": that is a reviewer's decision.
    expect(await page.getByRole("button", { name: "Confirm no change needed" }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    const editor = await (await browser.newContext({ viewport: WIDE })).newPage();
    const editorStudio = new Studio(editor, base());
    await editorStudio.signInAndWait("editor@koho.example", "editor-demo-pass");
    await editor.goto(editorStudio.url(`/studio/articles/${translationId}`));
    await editorStudio.body().waitFor();
    const confirm = editor.getByRole("button", { name: "Confirm no change needed" });
    await confirm.focus();
    await editor.keyboard.press("Enter");
    // The button reads "Confirming…" while the action runs: wait for the page the action refreshed.
    await editor.locator("section.source-column", { hasText: "Out of date since" }).waitFor({ state: "detached", timeout: 15_000 });
    expect(await editor.locator("section.source-column").innerText()).not.toMatch(/Out of date since/);
    expect(await accessibilityViolations(editor)).toEqual([]);
  }, 120_000);
});

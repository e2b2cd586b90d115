import { asc, eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import type { Handle } from "@/db/client";
import { articleRevisions } from "@/db/schema";
import { HistoryPage } from "./pages/history";
import { Studio, editorField } from "./pages/studio";
import { accessibilityViolations } from "./support/browser";
import { browserAndDatabase } from "./support/browser-and-database";
import { signedInAs } from "./support/signed-in";

let browser: Browser;
let db: Handle;
browserAndDatabase((opened) => {
  ({ browser, db } = opened);
});

/** Waits for the editor to notice a change, then for the autosave that follows it. */
async function waitForNextSave(studio: Studio) {
  await studio.page.waitForFunction(() => !/Saved at/.test(document.querySelector(".save-status [role=status]")?.textContent ?? ""), null, {
    timeout: 5_000,
  });
  await studio.waitForSaved();
}

/**
 * Puts the two newest saves 5 and 37 seconds into one minute (and the older ones a minute
 * apart before it): the test cannot choose when autosave fires, and what it proves is how
 * the page tells apart two saves of the same minute.
 */
async function pinSaveTimes(articleId: number) {
  const rows = await db.db
    .select()
    .from(articleRevisions)
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(asc(articleRevisions.id));
  const minute = Math.floor(Date.now() / 60_000) * 60_000;
  const times = rows.map((_, i) =>
    i === rows.length - 1 ? minute + 37_000 : i === rows.length - 2 ? minute + 5_000 : minute - 60_000 * (rows.length - 2 - i),
  );
  for (const [i, row] of rows.entries()) {
    await db.db
      .update(articleRevisions)
      .set({ createdAt: new Date(times[i]!) })
      .where(eq(articleRevisions.id, row.id));
  }
  return { writerAt: new Date(times.at(-2)!).toISOString(), editorAt: new Date(times.at(-1)!).toISOString() };
}

/** Every label of the list of saves lies within the page's width and shows all its text (nothing scrolls or is clipped). */
function clippedLabels(page: Page) {
  return page
    .locator(".save-list li, .save-label, .save-title, .save-choice label")
    .evaluateAll((elements) =>
      elements
        .filter((el) => el.scrollWidth > el.clientWidth || el.getBoundingClientRect().right > document.documentElement.clientWidth)
        .map((el) => el.textContent),
    );
}

let articleId: number;
let writerVersion: number;
let editorVersion: number;
let sakuraVersion: number;

describe("the history of a news item", () => {
  it("tells apart two saves of the same minute by their seconds, who saved them and what they changed", async () => {
    const writer = await signedInAs(browser, inject("baseURL"), "writer@koho.example", "writer-demo-pass");
    articleId = await writer.studio.newArticle();
    await writer.page.fill(editorField("title"), "Harbour ferry timetable changes");
    await writer.studio.body().click();
    await writer.page.keyboard.insertText("The ferry leaves from Sakura pier.");
    await waitForNextSave(writer.studio);
    await writer.page.keyboard.press("ControlOrMeta+A");
    await writer.page.keyboard.insertText("The ferry leaves from Minato pier.");
    await waitForNextSave(writer.studio);
    await writer.page.close();

    const editor = await signedInAs(browser, inject("baseURL"), "editor@koho.example", "editor-demo-pass");
    await editor.page.goto(editor.studio.url(`/studio/articles/${articleId}`));
    await editor.studio.body().waitFor();
    await editor.page.fill(editorField("summary"), "Fewer crossings from December.");
    await waitForNextSave(editor.studio);
    const { writerAt, editorAt } = await pinSaveTimes(articleId);

    const history = new HistoryPage(editor.page, inject("baseURL"));
    expect(await history.open(articleId)).toBe(200);
    [editorVersion, writerVersion, sakuraVersion] = (await history.versions()) as [number, number, number];
    const editorSave = history.save(editorVersion);
    const writerSave = history.save(writerVersion);
    expect(await editorSave.locator("time").getAttribute("datetime")).toBe(editorAt);
    expect(await writerSave.locator("time").getAttribute("datetime")).toBe(writerAt);
    const editorTime = await editorSave.locator("time").innerText();
    const writerTime = await writerSave.locator("time").innerText();
    expect(editorTime).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}:37 JST$/);
    expect(writerTime).toMatch(/:05 JST$/);
    expect(editorTime.slice(0, -7)).toBe(writerTime.slice(0, -7));
    expect(await editorSave.locator(".save-by").innerText()).toBe("Eiji Editor");
    expect(await writerSave.locator(".save-by").innerText()).toBe("Wakana Writer");
    expect(await editorSave.locator(".save-changes").innerText()).toBe("Summary");
    expect(await writerSave.locator(".save-changes").innerText()).toBe("Body (+1 −1 words)");
    expect(await accessibilityViolations(editor.page)).toEqual([]);

    for (const width of [1366, 390]) {
      await editor.page.setViewportSize({ width, height: 900 });
      expect(await clippedLabels(editor.page)).toEqual([]);
      expect(await editorSave.locator(".save-label").innerText()).toBe(
        `Version ${editorVersion} (edition 1) · ${editorTime} · Eiji Editor · Summary`,
      );
    }
  });

  it("compares from the older save to the newer one, whichever way round they were chosen, by keyboard", async () => {
    const { page } = await signedInAs(browser, inject("baseURL"), "editor@koho.example", "editor-demo-pass");
    const history = new HistoryPage(page, inject("baseURL"));
    await history.open(articleId);
    await history.compare(sakuraVersion, writerVersion);
    await expect.poll(() => history.inserted()).toEqual(["Minato"]);
    await expect.poll(() => history.deleted()).toEqual(["Sakura"]);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Chosen the wrong way round with the keyboard only: Space selects the focused radio of each group.
    const radio = (version: number, group: "From" | "To") =>
      history.save(version).getByRole("radio", { name: `${group} version ${version}` });
    await radio(editorVersion, "From").focus();
    await page.keyboard.press("Space");
    await radio(sakuraVersion, "To").focus();
    await page.keyboard.press("Space");
    expect(await radio(editorVersion, "From").isChecked()).toBe(true);
    expect(await radio(sakuraVersion, "To").isChecked()).toBe(true);
    // The page is already at ?from=…: wait for the address of this choice, not any comparison's.
    const before = page.url();
    await Promise.all([
      page.waitForURL((url) => url.href !== before),
      page.getByRole("button", { name: "Show differences" }).press("Enter"),
    ]);
    expect(await page.locator("#compare").innerText()).toContain("The two saves were swapped");
    // The comparison streams in after the address changes: poll rather than read the first paint.
    await expect.poll(() => history.inserted("Summary")).toEqual(["Fewer crossings from December."]);
    await expect.poll(() => history.inserted()).toEqual(["Minato"]);
    await expect.poll(() => history.deleted()).toEqual(["Sakura"]);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("previews a restore as what the draft will become, and the restored draft is what it showed", async () => {
    const { page, studio } = await signedInAs(browser, inject("baseURL"), "writer@koho.example", "writer-demo-pass");
    const history = new HistoryPage(page, inject("baseURL"));
    await history.open(articleId);
    await history.startRestore(sakuraVersion);
    // Only the current draft says "Minato" and has a summary: the restore removes them, and brings "Sakura" back.
    expect(await history.deleted()).toEqual(["Minato"]);
    expect(await history.inserted()).toEqual(["Sakura"]);
    expect(await history.deleted("Summary")).toEqual(["Fewer crossings from December."]);
    expect(await page.locator("#restore .diff-legend").innerText()).toBe(
      "Key: Removed by the restore (struck through) and Added by the restore (underlined).",
    );
    expect(await page.locator(".restore-summary").innerText()).toContain("Summary, Body (+1 −1 words)");
    expect(await page.locator("#compare").count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    const shown = { title: await history.afterText("Title"), summary: await history.afterText("Summary"), body: await history.afterText() };
    expect(shown).toEqual({ title: "Harbour ferry timetable changes", summary: "", body: "The ferry leaves from Sakura pier." });

    await history.confirmRestore();
    await page.goto(studio.url(`/studio/articles/${articleId}`));
    await studio.body().waitFor();
    expect({
      title: await page.inputValue(editorField("title")),
      summary: await page.inputValue(editorField("summary")),
      body: await studio.body().innerText(),
    }).toEqual(shown);
  });
});

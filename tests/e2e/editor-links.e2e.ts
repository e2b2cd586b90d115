import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { Studio, editorField } from "./pages/studio";
import { accessibilityViolations } from "./support/browser";
import { pagePerTest } from "./support/page-per-test";

let page: Page;
let studio: Studio;

pagePerTest((fresh) => {
  ({ page, studio } = fresh);
});

/** Moves to the end of the line until the selection is a caret (the link dialog hands focus back with the words selected). */
async function caretAtEndOfLine() {
  await expect
    .poll(async () => {
      await studio.body().press("End");
      return page.evaluate(() => window.getSelection()?.isCollapsed === true);
    })
    .toBe(true);
}

describe("links in the editor", () => {
  it("keeps a full stop typed right after a link outside it, also after a reload", async () => {
    await studio.signInAndWait("writer@koho.example", "writer-demo-pass");
    await studio.newArticle();
    await page.fill(editorField("title"), "Governor publishes the assembly agenda");
    await studio.body().click();
    await page.keyboard.type("Read the agenda");
    for (let i = 0; i < "agenda".length; i++) await page.keyboard.press("Shift+ArrowLeft");
    await studio.tool("Link").click();
    await page.fill("#link-url", "https://www.metro.tokyo.lg.jp/english/");
    await page.getByRole("button", { name: "Apply link" }).click();
    await studio.body().locator("a", { hasText: "agenda" }).waitFor();
    await caretAtEndOfLine();
    await page.keyboard.type(". Then ask.");

    const paragraph = studio.body().locator("p").first();
    expect(await paragraph.innerText()).toBe("Read the agenda. Then ask.");
    expect(await studio.body().locator("a").innerText()).toBe("agenda");
    await studio.waitForSaved();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.reload();
    await studio.body().locator("a").waitFor();
    expect(await studio.body().locator("a").innerText()).toBe("agenda");
    expect(await studio.body().locator("p").first().innerText()).toBe("Read the agenda. Then ask.");
  });

  it("still turns a typed web address into a link, and the words after it stay plain", async () => {
    await studio.signInAndWait("writer@koho.example", "writer-demo-pass");
    await studio.newArticle();
    await studio.body().click();
    await page.keyboard.type("Details at https://www.metro.tokyo.lg.jp/english/ today.");
    const link = studio.body().locator("a");
    await link.waitFor();
    expect(await link.getAttribute("href")).toBe("https://www.metro.tokyo.lg.jp/english/");
    expect(await link.innerText()).toBe("https://www.metro.tokyo.lg.jp/english/");
    expect(await studio.body().locator("p").first().innerText()).toBe("Details at https://www.metro.tokyo.lg.jp/english/ today.");
  });
});

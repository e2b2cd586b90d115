import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { slugify } from "@/lib/slug";
import { editorField } from "./pages/studio";
import { accessibilityViolations, launchBrowser } from "./support/browser";
import { signedInAs, type SignedIn } from "./support/signed-in";

/**
 * The "done when": a Japanese version made beside its English source goes through
 * review by two other people; a reader switches between the two; a major change to the English
 * marks the Japanese out of date in the studio and on its public page. The studio's own views
 * of translations (panel, diff, narrow screens) are tests/e2e/studio-translations.e2e.ts.
 */

// A published demo item with no Japanese version (the seminar is studio-translations.e2e.ts's).
const SOURCE_TITLE = "Governor Meets PR Caravan for Izu-Oshima Camellia Festival";
const SOURCE_SLUG = slugify(SOURCE_TITLE);
const JA_TITLE = "知事が伊豆大島椿まつりPRキャラバンと面会";
const JA_SUMMARY = "知事は伊豆大島椿まつりのPRキャラバンの表敬訪問を受けました。";
const JA_BODY = "小池知事は、伊豆大島椿まつりのPRキャラバンの皆さんと面会しました。";

let browser: Browser;
const base = () => inject("baseURL");
const as = (email: string, password: string) => signedInAs(browser, base(), email, password);
const at = (path: string) => new URL(path, base()).href;

/** Opens an item's editor from the studio's item list, as staff find it. */
async function openFromList(person: SignedIn, search: string, title: string) {
  await person.page.goto(person.studio.url(`/studio/articles?q=${encodeURIComponent(search)}`));
  await person.page.getByRole("link", { name: title, exact: true }).click();
  await person.page.waitForURL(/\/studio\/articles\/\d+$/);
  await person.studio.body().waitFor();
  return Number(new URL(person.page.url()).pathname.split("/").pop());
}

/** Replaces the editor's body text with `text`. */
async function replaceBody(person: SignedIn, text: string) {
  await person.studio.body().click();
  await person.page.keyboard.press("ControlOrMeta+A");
  await person.page.keyboard.type(text);
}

const hreflang = (page: Page) =>
  page.$$eval('link[rel="alternate"][hreflang]', (links) =>
    Object.fromEntries(links.map((l) => [l.getAttribute("hreflang"), new URL(l.getAttribute("href")!).pathname])),
  );

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("an item in Japanese and English", () => {
  let sourceId: number;
  let japaneseId: number;
  let japaneseSlug: string;

  it("a writer makes the Japanese version beside its source; an editor reviews it; a publisher publishes it", async () => {
    const writer = await as("writer@koho.example", "writer-demo-pass");
    sourceId = await openFromList(writer, "Camellia", SOURCE_TITLE);
    await writer.page.getByRole("region", { name: "Translations" }).getByRole("button", { name: "Add Japanese version" }).click();
    await writer.page.waitForURL((url) => /\/studio\/articles\/\d+$/.test(url.pathname) && !url.pathname.endsWith(`/${sourceId}`));
    japaneseId = Number(new URL(writer.page.url()).pathname.split("/").pop());
    await writer.studio.body().waitFor();
    // The English source beside the editor, read only.
    const source = writer.page.locator("section.source-column");
    expect(await source.innerText()).toContain(SOURCE_TITLE);

    await writer.page.fill(editorField("title"), JA_TITLE);
    await writer.page.fill(editorField("summary"), JA_SUMMARY);
    await replaceBody(writer, JA_BODY);
    await writer.studio.waitForSaved();
    japaneseSlug = await writer.page.inputValue(editorField("slug"));
    expect(japaneseSlug).toBe(`${SOURCE_SLUG}-ja`);
    expect(await accessibilityViolations(writer.page)).toEqual([]);
    await writer.flow.run("Send for review");

    const editor = await as("editor@koho.example", "editor-demo-pass");
    await editor.page.goto(editor.studio.url(`/studio/articles/${japaneseId}`));
    await editor.flow.run("Request changes", { [editorField("changes-comment")]: "開催日を本文に入れてください。" });

    await writer.page.reload();
    await writer.studio.body().waitFor();
    await writer.studio.body().click();
    await writer.page.keyboard.press("ControlOrMeta+End");
    await writer.page.keyboard.type("椿まつりは1月下旬から3月まで開かれます。");
    await writer.studio.waitForSaved();
    await writer.flow.run("Send for review");

    const publisher = await as("publisher@koho.example", "publisher-demo-pass");
    await publisher.page.goto(publisher.studio.url(`/studio/articles/${japaneseId}`));
    await publisher.flow.run("Approve");
    await publisher.page.reload();
    await publisher.flow.run("Publish now");
    expect(await publisher.flow.state()).toBe("Published");
  }, 180_000);

  it("lets a reader switch from the English page to the Japanese page and back, each in its own language, without JavaScript", async () => {
    const reader = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await reader.goto(at(`/news/${SOURCE_SLUG}`));
    expect(await reader.getAttribute("html", "lang")).toBe("en");
    const toJapanese = reader.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "日本語" });
    expect(await toJapanese.getAttribute("lang")).toBe("ja");
    expect(await toJapanese.getAttribute("hreflang")).toBe("ja");
    expect(await hreflang(reader)).toEqual({
      en: `/news/${SOURCE_SLUG}`,
      ja: `/ja/news/${japaneseSlug}`,
      "x-default": `/news/${SOURCE_SLUG}`,
    });

    await toJapanese.click();
    await reader.waitForURL(`**/ja/news/${japaneseSlug}`);
    expect(await reader.getAttribute("html", "lang")).toBe("ja");
    expect(await reader.locator("h1").innerText()).toBe(JA_TITLE);
    // Japanese chrome and date.
    expect(await reader.locator(".skip-link").innerText()).toBe("本文へスキップ");
    expect(await reader.getByRole("navigation", { name: "フッター" }).innerText()).toContain("新着情報");
    expect(await reader.locator("article time").first().innerText()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    expect(await reader.locator(".category-label, .article-category").first().innerText()).toBe("観光");
    expect(await hreflang(reader)).toEqual({
      en: `/news/${SOURCE_SLUG}`,
      ja: `/ja/news/${japaneseSlug}`,
      "x-default": `/news/${SOURCE_SLUG}`,
    });
    expect(await reader.getAttribute('meta[property="og:locale"]', "content")).toBe("ja_JP");
    // axe runs as a script: the same page in a context with JavaScript.
    const checker = await (await browser.newContext()).newPage();
    await checker.goto(at(`/ja/news/${japaneseSlug}`));
    expect(await accessibilityViolations(checker)).toEqual([]);

    await reader.getByRole("navigation", { name: "言語" }).getByRole("link", { name: "English" }).click();
    await reader.waitForURL(`**/news/${SOURCE_SLUG}`);
    expect(await reader.getAttribute("html", "lang")).toBe("en");
    expect(await reader.locator("h1").innerText()).toBe(SOURCE_TITLE);
  });

  it("finds the Japanese communiqué for 都知事 and ローマ, and the English one in English, with 0 axe violations", async () => {
    const reader = await (await browser.newContext()).newPage();
    for (const q of ["都知事", "ローマ"]) {
      await reader.goto(at(`/ja/search?q=${encodeURIComponent(q)}`));
      expect(await reader.getAttribute("html", "lang")).toBe("ja");
      expect(await reader.locator("main").innerText()).toContain("ローマ市（イタリア共和国）と東京都（日本国）との共同声明");
      expect(await accessibilityViolations(reader)).toEqual([]);
    }
    await reader.goto(at("/search?q=Gualtieri"));
    expect(await reader.locator("main").innerText()).toContain("Joint Communiqué of the City of Rome");
    await reader.goto(at("/ja"));
    expect(await reader.getAttribute("html", "lang")).toBe("ja");
    expect(await reader.locator("main").innerText()).toContain(JA_TITLE);
    expect(await reader.locator("main").innerText()).not.toContain(SOURCE_TITLE);
    expect(await accessibilityViolations(reader)).toEqual([]);
  });

  it("marks the Japanese version out of date, in the studio and on its page, after a major change to the English", async () => {
    const editor = await as("editor@koho.example", "editor-demo-pass");
    await editor.page.goto(editor.studio.url(`/studio/articles/${sourceId}`));
    await editor.studio.body().waitFor();
    await editor.studio.body().click();
    await editor.page.keyboard.press("ControlOrMeta+End");
    await editor.page.keyboard.type(" The festival now runs until March 31.");
    await editor.studio.waitForSaved();
    await editor.flow.run("Send for review");
    const publisher = await as("publisher@koho.example", "publisher-demo-pass");
    await publisher.page.goto(publisher.studio.url(`/studio/articles/${sourceId}`));
    await publisher.flow.run("Approve");
    await publisher.page.reload();
    await publisher.flow.panel().getByLabel("Major: readers are told what changed").check();
    await publisher.page.fill(editorField("publish-note"), "Added the festival's closing date");
    await publisher.flow.run("Publish now");

    const writer = await as("writer@koho.example", "writer-demo-pass");
    await writer.page.goto(writer.studio.url("/studio"));
    const outOfDate = writer.page.getByRole("region", { name: "Translations out of date" });
    expect(await outOfDate.innerText()).toContain(JA_TITLE);
    expect(await accessibilityViolations(writer.page)).toEqual([]);
    await writer.page.goto(writer.studio.url(`/studio/articles/${japaneseId}`));
    await writer.studio.body().waitFor();
    const source = writer.page.locator("section.source-column");
    expect(await source.innerText()).toMatch(/Out of date since/);
    // The word diff since the edition it was translated from.
    expect(await source.locator("ins").allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining("March")]));

    const reader = await (await browser.newContext()).newPage();
    await reader.goto(at(`/ja/news/${japaneseSlug}`));
    const notice = reader.getByRole("note", { name: "新しい版があります" });
    expect(await notice.innerText()).toContain("英語");
    const link = notice.getByRole("link");
    expect(new URL((await link.getAttribute("href"))!, base()).pathname).toBe(`/news/${SOURCE_SLUG}`);
    expect(await link.getAttribute("hreflang")).toBe("en");
    expect(await accessibilityViolations(reader)).toEqual([]);
  }, 180_000);
});

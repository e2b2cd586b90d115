import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase } from "@/db/client";
import { articleEditions, articles } from "@/db/schema";
import { HOSTILE_TEXT } from "../fixtures/xss-corpus";
import { Studio } from "./pages/studio";
import { launchBrowser } from "./support/browser";

let browser: Browser;
let articleId: number;
const SLUG = "xss-corpus-in-the-browser";

/** Counts dialogs and page errors: any alert() that runs shows up here. */
function watch(page: Page) {
  const fired: string[] = [];
  page.on("dialog", async (dialog) => {
    fired.push(`dialog: ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on("pageerror", (error) => fired.push(`error: ${error.message}`));
  return fired;
}

beforeAll(async () => {
  browser = await launchBrowser();
  const handle = await openDatabase(inject("databaseUrl"));
  try {
    const now = new Date();
    const [article] = await handle.db
      .insert(articles)
      .values({ slug: SLUG, guid: randomUUID(), status: "published", categoryId: 1, firstPublishedAt: now, publicUpdatedAt: now })
      .returning();
    const [edition] = await handle.db
      .insert(articleEditions)
      .values({
        articleId: article!.id,
        number: 1,
        state: "published",
        title: '<script>alert("title")</script>',
        summary: '"><img src=x onerror=alert(1)>',
        body: { type: "doc", content: HOSTILE_TEXT.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) },
        categoryId: 1,
        datelineDate: "2026-11-20",
        publishedAt: now,
      })
      .returning();
    await handle.db.update(articles).set({ publishedEditionId: edition!.id }).where(eq(articles.id, article!.id));
    articleId = article!.id;
  } finally {
    handle.client.close();
  }
});
afterAll(async () => {
  await browser?.close();
});

describe("stored hostile text in the browser", () => {
  it("shows as text on the public page and runs nothing", async () => {
    const page = await (await browser.newContext()).newPage();
    const fired = watch(page);
    const response = await page.goto(new URL(`/news/${SLUG}`, inject("baseURL")).href);
    expect(response?.status()).toBe(200);
    const text = await page.locator("article").first().innerText();
    for (const payload of HOSTILE_TEXT) expect(text).toContain(payload);
    expect(await page.locator("article script, article img, article iframe, article svg").count()).toBe(0);
    expect(fired).toEqual([]);
  });

  it("loads into the studio editor and runs nothing", async () => {
    const page = await (await browser.newContext()).newPage();
    const fired = watch(page);
    const studio = new Studio(page, inject("baseURL"));
    await studio.signInAndWait("admin@koho.example", "admin-demo-pass");
    await page.goto(studio.url(`/studio/articles/${articleId}`));
    await studio.body().waitFor();
    expect(await studio.body().innerText()).toContain("<script>alert(1)</script>");
    expect(await studio.body().locator("script, img, iframe, svg").count()).toBe(0);
    expect(fired).toEqual([]);
  });
});

import { createHash, randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { desc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase } from "@/db/client";
import { articleEditions, previewLinks, users } from "@/db/schema";
import { accessibilityViolations, launchBrowser } from "./support/browser";

const HOUR = 60 * 60 * 1000;
const url = (path: string) => new URL(path, inject("baseURL")).href;

type Link = { token: string; title: string };
let browser: Browser;
let valid: Link, revoked: Link, expired: Link;

/** A preview link written straight into the database, as createPreviewLink would store it (only the token's hash). */
async function insertLink(when: { expiresAt: Date; revokedAt?: Date }): Promise<Link> {
  const handle = await openDatabase(inject("databaseUrl"));
  try {
    // The newest edition of all is its item's newest edition: the one a preview link shows.
    const [edition] = await handle.db
      .select({ articleId: articleEditions.articleId, title: articleEditions.title })
      .from(articleEditions)
      .orderBy(desc(articleEditions.id))
      .limit(1);
    const [author] = await handle.db.select({ id: users.id }).from(users).limit(1);
    const token = randomBytes(32).toString("base64url");
    await handle.db.insert(previewLinks).values({
      articleId: edition!.articleId,
      tokenHash: createHash("sha256").update(token).digest("hex"),
      createdById: author!.id,
      expiresAt: when.expiresAt,
      revokedAt: when.revokedAt ?? null,
    });
    return { token, title: edition!.title };
  } finally {
    handle.client.close();
  }
}

beforeAll(async () => {
  browser = await launchBrowser();
  const now = Date.now();
  valid = await insertLink({ expiresAt: new Date(now + 24 * HOUR) });
  revoked = await insertLink({ expiresAt: new Date(now + 24 * HOUR), revokedAt: new Date("2026-03-02T05:04:00Z") });
  expired = await insertLink({ expiresAt: new Date("2026-03-01T01:30:00Z") });
});
afterAll(async () => {
  await browser?.close();
});

function expectPrivateAndNoindex(response: Response, path: string) {
  expect(response.headers.get("cache-control"), path).toBe("private, no-store");
  expect(response.headers.get("x-robots-tag"), path).toContain("noindex");
}

async function openInBrowser(path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(url(path));
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  return page;
}

describe("preview link status codes", () => {
  it("answers 200 with the item for a working link, 410 for revoked or expired, 404 for unknown or malformed", async () => {
    const cases: [string, number][] = [
      [`/preview/${valid.token}`, 200],
      [`/preview/${revoked.token}`, 410],
      [`/preview/${expired.token}`, 410],
      [`/preview/${randomBytes(32).toString("base64url")}`, 404],
      ["/preview/not-a-token", 404],
      [`/preview/${"a".repeat(44)}`, 404],
    ];
    for (const [path, status] of cases) {
      const response = await fetch(url(path));
      expect(response.status, path).toBe(status);
      expectPrivateAndNoindex(response, path);
      const html = await response.text();
      expect(html, path).toMatch(/<meta name="robots" content="noindex/);
      const shown = html.includes("This is a preview of a news item that may still change.");
      expect(shown, path).toBe(status === 200);
    }
    const head = await fetch(url(`/preview/${revoked.token}`), { method: "HEAD" });
    expect(head.status).toBe(410);
  });

  it("shows the item's newest edition for a working link", async () => {
    const page = await openInBrowser(`/preview/${valid.token}`);
    expect(await page.locator("main h1").first().innerText()).toBe(valid.title);
    await page.context().close();
  });

  it("says when a revoked or expired link stopped working and what to do, without naming the item", async () => {
    for (const [link, text] of [
      [revoked, "This preview link was revoked on 2 Mar 2026, 14:04 JST."],
      [expired, "This preview link expired on 1 Mar 2026, 10:30 JST."],
    ] as const) {
      const page = await openInBrowser(`/preview/${link.token}`);
      const main = await page.locator("main").innerText();
      expect(main).toContain(text);
      expect(main).toContain("ask the press office");
      expect(main).not.toContain(link.title);
      expect(await page.title()).not.toContain(link.title);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.context().close();
    }
  });

  it("explains an unknown link on an accessible 404 page", async () => {
    const page = await openInBrowser("/preview/not-a-token");
    expect(await page.locator("main").innerText()).toContain("not a preview link we know");
    expect(await page.locator('meta[name="robots"]').getAttribute("content")).toMatch(/noindex/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });
});

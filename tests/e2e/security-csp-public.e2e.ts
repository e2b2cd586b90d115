import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase } from "@/db/client";
import { articles } from "@/db/schema";
import { parseCsp, watchCspViolations } from "../support/security-csp";
import { accessibilityViolations, launchBrowser } from "./support/browser";

/**
 * Issue 14: reader pages render per request from cached reads, so proxy.ts gives each
 * response its own nonce policy and script-src no longer allows 'unsafe-inline'.
 * Feeds, sitemaps, robots.txt and API answers keep one static policy (next.config.ts).
 * Pages kept in the page store are served without Next's client runtime (no script to run);
 * not-found pages keep it, so both kinds are checked.
 */
const url = (path: string) => new URL(path, inject("baseURL")).href;
const RAF_SHELL_SCRIPT = "requestAnimationFrame(function(){$RT=performance.now()});";

let browser: Browser;
let pages: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  const db = await openDatabase(inject("databaseUrl"));
  const [published] = await db.db.select({ slug: articles.slug }).from(articles).where(eq(articles.status, "published")).limit(1);
  db.client.close();
  // A month the archive really lists, so the month page is a 200, not a 404.
  const month = (await (await fetch(url("/archive"))).text()).match(/href="(\/archive\/\d{4}\/\d{2})"/)?.[1];
  expect(month, "the archive index should link a month").toBeTruthy();
  pages = [
    "/",
    `/news/${published!.slug}`,
    "/category/government",
    "/archive",
    month!,
    "/page/2",
    "/no-such-page",
    "/news/no-such-article",
  ];
});
afterAll(async () => {
  await browser?.close();
});

/** Every `<script>` without src that a browser would run, with its attributes and code. */
function inlineScripts(html: string): { attrs: string; code: string }[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .map(([, attrs, code]) => ({ attrs: attrs!, code: code! }))
    .filter(({ attrs }) => !/\bsrc=/.test(attrs) && !/\btype="application\/(?:ld\+)?json"/.test(attrs));
}

/** Hydrated: Next's client router exists only once its inline and external scripts have run. */
const routerReady = () => typeof (window as unknown as { next?: { router?: unknown } }).next?.router === "object";

function nonceOf(policy: Map<string, string[]>): string | undefined {
  return policy
    .get("script-src")
    ?.find((s) => s.startsWith("'nonce-"))
    ?.slice(7, -1);
}

describe("reader pages' content security policy", () => {
  it("is a fresh nonce policy without 'unsafe-inline', and every inline script carries that response's nonce", async () => {
    for (const path of pages) {
      const [a, b] = [await fetch(url(path)), await fetch(url(path))];
      expect([200, 404], path).toContain(a.status);
      expect(a.headers.get("content-type"), path).toContain("text/html");
      // Exactly one policy: two would both apply, and a static one would still allow inline script.
      expect(a.headers.get("content-security-policy"), path).not.toContain(",");
      const policy = parseCsp(a.headers.get("content-security-policy"));
      expect(policy.get("script-src"), path).not.toContain("'unsafe-inline'");
      expect(policy.get("script-src"), path).not.toContain("'unsafe-eval'");
      expect(policy.get("object-src")).toEqual(["'none'"]);
      expect(policy.get("base-uri")).toEqual(["'none'"]);
      const nonce = nonceOf(policy);
      expect(nonce, `${path}: script-src should carry a nonce`).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
      expect(nonceOf(parseCsp(b.headers.get("content-security-policy"))), `${path}: two requests, one nonce`).not.toBe(nonce);

      const html = await a.text();
      const scripts = inlineScripts(html);
      const flight = scripts.filter(({ code }) => code.includes("self.__next_f")).length;
      if (a.status === 200) {
        // Kept in the page store without Next's client runtime: no chunk, no RSC payload to run.
        expect(flight, `${path}: stored pages carry no RSC payload`).toBe(0);
        expect(html, `${path}: stored pages load no Next chunk`).not.toMatch(/<script[^>]*\bsrc="\/_next\//);
      } else {
        // Not-found pages are Next's own answer, runtime and all, so the nonce has work to do.
        expect(flight, path).toBeGreaterThan(0);
      }
      for (const { attrs, code } of scripts) {
        if (attrs.includes(`nonce="${nonce}"`)) continue;
        expect(code, `${path}: inline script without this response's nonce`).toBe(RAF_SHELL_SCRIPT);
      }
    }
  });

  it("feeds, sitemaps, robots.txt and API answers keep one static policy that allows no inline script", async () => {
    let first: string | null = null;
    for (const path of [
      "/feed.xml",
      "/atom.xml",
      "/feed.json",
      "/sitemap.xml",
      "/news-sitemap.xml",
      "/robots.txt",
      "/category/government/feed.xml",
      "/api/health",
    ]) {
      const response = await fetch(url(path));
      expect(response.status, path).toBeLessThan(500);
      const header = response.headers.get("content-security-policy");
      first ??= header;
      expect(header, path).toBe(first);
      const policy = parseCsp(header);
      expect(policy.get("script-src"), path).toEqual(["'self'"]);
      expect(policy.get("object-src"), path).toEqual(["'none'"]);
    }
  });

  it("reader pages load in Chromium with no policy violations and pass axe; not-found pages hydrate", async () => {
    // axe needs a page from a context it can open frames in.
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations = await watchCspViolations(page);
    for (const path of pages) {
      const response = await page.goto(url(path), { waitUntil: "load" });
      if (response?.status() === 404) {
        await page.waitForFunction(routerReady);
      } else {
        expect(await page.evaluate(routerReady), `${path}: a stored page runs no Next client code`).toBe(false);
      }
      expect(await accessibilityViolations(page), path).toEqual([]);
    }
    // A client-side navigation from a hydrated page fetches the next page's payload and runs it
    // under the first page's policy.
    await page.goto(url("/no-such-page"));
    await page.waitForFunction(routerReady);
    await Promise.all([
      page.waitForURL("**/archive"),
      page.getByRole("navigation", { name: "Footer" }).getByRole("link", { name: "Archive" }).click(),
    ]);
    await page.getByRole("heading", { level: 1, name: "Archive" }).waitFor();
    expect(await violations()).toEqual([]);
    await context.close();
  });
});

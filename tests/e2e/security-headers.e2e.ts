import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import type { Handle } from "@/db/client";
import { articles } from "@/db/schema";
import { parseCsp, watchCspViolations } from "../support/security-csp";
import { Studio, editorField } from "./pages/studio";
import { browserAndDatabase } from "./support/browser-and-database";

let browser: Browser;
let db: Handle;
let articlePath: string;

browserAndDatabase(async (opened) => {
  ({ browser, db } = opened);
  const [published] = await db.db.select({ slug: articles.slug }).from(articles).where(eq(articles.status, "published")).limit(1);
  articlePath = `/news/${published!.slug}`;
});

const url = (path: string) => new URL(path, inject("baseURL")).href;

function expectStaticHeaders(headers: Headers) {
  expect(headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
  expect(headers.get("x-content-type-options")).toBe("nosniff");
  expect(headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(headers.get("x-frame-options")).toBe("DENY");
  expect(headers.get("permissions-policy")).toContain("camera=()");
}

function expectLockedDown(policy: Map<string, string[]>) {
  expect(policy.get("object-src")).toEqual(["'none'"]);
  expect(policy.get("base-uri")).toEqual(["'none'"]);
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(policy.get("form-action")?.[0]).toBe("'self'");
  expect(policy.get("default-src")).toEqual(["'self'"]);
}

describe("security headers", () => {
  it("reader pages get a fresh nonce policy without 'unsafe-inline'; feeds and robots.txt a static one; all carry the fixed headers", async () => {
    // Every inline script carrying the nonce, on more pages: security-csp-public.e2e.ts.
    for (const path of ["/", articlePath, "/archive", "/no-such-page"]) {
      const [a, b] = [await fetch(url(path), { redirect: "manual" }), await fetch(url(path), { redirect: "manual" })];
      expectStaticHeaders(a.headers);
      const policy = parseCsp(a.headers.get("content-security-policy"));
      expectLockedDown(policy);
      expect(policy.get("script-src"), path).not.toContain("'unsafe-inline'");
      expect(
        policy.get("script-src")?.some((s) => s.startsWith("'nonce-")),
        path,
      ).toBe(true);
      expect(a.headers.get("content-security-policy"), path).not.toBe(b.headers.get("content-security-policy"));
      // The response's nonce must not reach a shared cache that could pair it with another body:
      // the app says no-store, and nginx keeps its own 10 s copy of header and body together.
      expect(a.headers.get("cache-control"), path).toContain("no-store");
      expect(a.headers.get("cache-control"), path).not.toMatch(/s-maxage|public/);
    }
    for (const path of ["/feed.xml", "/robots.txt"]) {
      const [a, b] = [await fetch(url(path)), await fetch(url(path))];
      expectStaticHeaders(a.headers);
      const policy = parseCsp(a.headers.get("content-security-policy"));
      expectLockedDown(policy);
      expect(policy.get("script-src"), path).toEqual(["'self'"]);
      expect(a.headers.get("content-security-policy")).toBe(b.headers.get("content-security-policy"));
    }
  });

  it("staff pages get a fresh nonce policy and are private, no-store; every inline script carries the nonce", async () => {
    for (const path of ["/sign-in", "/studio", "/studio/articles", "/preview/not-a-real-token"]) {
      const a = await fetch(url(path), { redirect: "manual" });
      const b = await fetch(url(path), { redirect: "manual" });
      expectStaticHeaders(a.headers);
      expect(a.headers.get("cache-control")).toBe("private, no-store");
      if (a.status >= 300 && a.status < 400) continue; // the optimistic redirect to sign-in
      const policy = parseCsp(a.headers.get("content-security-policy"));
      expectLockedDown(policy);
      expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
      expect(policy.get("script-src")).not.toContain("'unsafe-eval'");
      expect(a.headers.get("content-security-policy")).not.toBe(b.headers.get("content-security-policy"));
      const nonce = policy
        .get("script-src")!
        .find((s) => s.startsWith("'nonce-"))!
        .slice(7, -1);
      const html = await a.text();
      // Inline scripts: this request's nonce, or React's one fixed shell script (allowed by hash).
      const inline = [...html.matchAll(/<script\b([^>]*)>([^<]+)<\/script>/g)];
      expect(inline.length).toBeGreaterThan(0);
      for (const [, attrs, code] of inline) {
        if (attrs!.includes(`nonce="${nonce}"`)) continue;
        expect(code, `${path}: inline script without the nonce`).toBe("requestAnimationFrame(function(){$RT=performance.now()});");
      }
      for (const [, src] of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) expect(src).toMatch(/^\/_next\/static\//);
    }
  });

  it("public pages run in the browser with no policy violations", async () => {
    const page = await browser.newPage();
    const violations = await watchCspViolations(page);
    // All of them run under a per-request nonce policy without 'unsafe-inline'. Stored pages
    // (home, the article, searches) carry no script to run; a page Next answers itself (a 404,
    // an address with a query string the store does not keep) hydrates under that nonce.
    for (const path of ["/", articlePath, "/search?q=governor", "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E"]) {
      await page.goto(url(path), { waitUntil: "load" });
    }
    for (const path of ["/news/no-such-article", `${articlePath}?utm_source=probe`]) {
      await page.goto(url(path));
      // Hydrated: Next's router exists only once its scripts were allowed to run.
      await page.waitForFunction(() => typeof (window as unknown as { next?: unknown }).next === "object");
    }
    expect(await violations()).toEqual([]);
    await page.close();
  });

  it("the editor works under the nonce policy, with no violations", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations = await watchCspViolations(page);
    const studio = new Studio(page, inject("baseURL"));
    await studio.signInAndWait("writer@koho.example", "writer-demo-pass");
    const id = await studio.newArticle();
    await page.fill(editorField("title"), "Headers probe for the content policy");
    await studio.body().click();
    await studio.tool("Bold").click();
    await page.keyboard.type("Typed under a strict policy");
    await studio.waitForSaved();
    await page.reload();
    await studio.body().waitFor();
    expect(await studio.body().locator("strong").innerText()).toBe("Typed under a strict policy");
    // zod 4 probes once whether eval is allowed (new Function in a try) and falls back when it is not.
    expect((await violations()).filter((v) => v !== "script-src blocked eval" && !/unsafe-eval/.test(v))).toEqual([]);
    const [row] = await db.db.select({ id: articles.id }).from(articles).where(eq(articles.id, id));
    expect(row).toBeDefined();
    await context.close();
  });
});

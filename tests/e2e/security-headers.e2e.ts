import { and, count, eq } from "drizzle-orm";
import type { APIRequestContext, Browser, BrowserContext, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type Handle } from "@/db/client";
import { articleRevisions, articles } from "@/db/schema";
import { parseCsp, watchCspViolations } from "../support/security-csp";
import { Studio } from "./pages/studio";
import { launchBrowser } from "./support/browser";

let browser: Browser;
let db: Handle;
let articlePath: string;
let captured: Promise<{ context: BrowserContext; id: number; save: Request }> | null = null;

beforeAll(async () => {
  browser = await launchBrowser();
  db = await openDatabase(inject("databaseUrl"));
  const [published] = await db.db.select({ slug: articles.slug }).from(articles).where(eq(articles.status, "published")).limit(1);
  articlePath = `/news/${published!.slug}`;
});
afterAll(async () => {
  await browser?.close();
  db?.client.close();
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
    // All of them run under a per-request nonce policy without 'unsafe-inline'.
    for (const path of ["/", articlePath, "/search?q=governor", "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E"]) {
      await page.goto(url(path));
      // Hydrated: Next's router exists only once its scripts were allowed to run. (Not "networkidle":
      // an article's viewport prefetches of its related links keep the network busy.)
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
    await page.fill("#title", "Headers probe for the content policy");
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

/** Signs in, types once, and keeps the autosave request Next's client sent so it can be replayed. */
function captureAutosave() {
  captured ??= browser.newContext().then(async (context) => ({ context, ...(await captureOnce(context)) }));
  return captured;
}

async function captureOnce(context: BrowserContext): Promise<{ page: Page; id: number; save: Request }> {
  const page = await context.newPage();
  const studio = new Studio(page, inject("baseURL"));
  await studio.signInAndWait("editor@koho.example", "editor-demo-pass");
  const id = await studio.newArticle();
  const saved = page.waitForRequest(
    (r) => r.method() === "POST" && !!r.headers()["next-action"] && (r.postData() ?? "").includes("Origin probe"),
  );
  await page.fill("#title", "Origin probe");
  const save = await saved;
  await studio.waitForSaved();
  return { page, id, save };
}

async function articleState(id: number) {
  const [row] = await db.db.select({ version: articles.version, status: articles.status }).from(articles).where(eq(articles.id, id));
  const [revisions] = await db.db
    .select({ n: count() })
    .from(articleRevisions)
    .where(and(eq(articleRevisions.articleId, id)));
  return { version: row!.version, status: row!.status, revisions: revisions!.n };
}

function replay(request: APIRequestContext, save: Request, body: unknown, headers: Record<string, string> = {}) {
  const h = save.headers();
  return request.post(save.url(), {
    headers: {
      "content-type": h["content-type"]!,
      "next-action": h["next-action"]!,
      accept: "text/x-component",
      origin: new URL(inject("baseURL")).origin,
      ...headers,
    },
    data: typeof body === "string" ? body : JSON.stringify(body),
    maxRedirects: 0,
  });
}

describe("requests that must fail", () => {
  it("refuses a server action posted from another origin, and writes nothing", async () => {
    const { context, id, save } = await captureAutosave();
    const [input] = JSON.parse(save.postData()!) as [Record<string, unknown>];
    const before = await articleState(id);

    for (const origin of ["https://attacker.example", "http://localhost.attacker.example", "null"]) {
      const forged = await replay(context.request, save, [{ ...input, version: before.version, title: "Forged from elsewhere" }], {
        origin,
      });
      expect(forged.status(), origin).toBeGreaterThanOrEqual(400);
      expect(await forged.text()).not.toContain("Forged from elsewhere");
    }
    expect(await articleState(id)).toEqual(before);

    // Control: the same replay from the site's own origin is accepted, so the refusal above is the origin check.
    const genuine = await replay(context.request, save, [{ ...input, version: before.version, title: "Saved from the site" }]);
    expect(genuine.status()).toBe(200);
    expect((await articleState(id)).version).toBe(before.version + 1);
  });

  it("refuses mass assignment through the real action, oversized bodies and malformed payloads, writing nothing", async () => {
    const { context, id, save } = await captureAutosave();
    const [input] = JSON.parse(save.postData()!) as [Record<string, unknown>];
    const before = await articleState(id);

    for (const extra of [{ status: "published" }, { authorId: 1 }, { publishedEditionId: 1 }, { guid: "x" }]) {
      const response = await replay(context.request, save, [{ ...input, version: before.version, ...extra }]);
      const text = await response.text();
      expect(text).toContain("bad_request:article");
      expect(text).toContain(Object.keys(extra)[0]!);
    }
    const huge = await replay(context.request, save, [{ ...input, version: before.version, summary: "x".repeat(1_200_000) }]);
    // Next refuses the body before the action runs (it answers 500 "Body exceeded 1 MB limit", without details).
    expect(huge.status()).toBeGreaterThanOrEqual(400);
    expect(await huge.text()).not.toMatch(/at \w+ \(|SQLITE|node_modules/);
    for (const body of ["[{", "not json", "[]", "[null]", "[1,2,3]", JSON.stringify([{ ...input, id: "1" }])]) {
      const response = await replay(context.request, save, body);
      const text = await response.text();
      expect(text).not.toMatch(/at \w+ \(|SQLITE|node_modules|\.ts:\d+/);
    }
    expect(await articleState(id)).toEqual(before);
    await context.close();
    captured = null;
  });

  it("refuses requests that carry Next's internal headers on staff paths", async () => {
    const refused = [
      ["/studio", { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" }],
      ["/studio/articles", { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" }],
      ["/studio/users", { "x-middleware-subrequest": "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware" }],
      ["/studio/audit", { "x-middleware-subrequest": "proxy" }],
      ["/studio", { "x-invoke-path": "/studio" }],
      ["/studio", { "x-invoke-status": "200" }],
    ] as const;
    for (const [path, headers] of refused) {
      const response = await fetch(url(path), { headers, redirect: "manual" });
      expect(response.status, `${path} ${JSON.stringify(headers)}`).toBe(400);
      expect((await response.json()).error).toBe("bad_request:request");
    }
    // Next strips these itself before the proxy runs; either way they must not open the studio.
    for (const name of [
      "x-middleware-rewrite",
      "x-middleware-next",
      "x-middleware-override-headers",
      "x-matched-path",
      "x-now-route-matches",
    ]) {
      const response = await fetch(url("/studio"), { headers: { [name]: "1" }, redirect: "manual" });
      expect([307, 400], name).toContain(response.status);
      expect(await response.text()).not.toContain("Dashboard");
    }
  });
});

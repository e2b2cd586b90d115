import { and, count, eq } from "drizzle-orm";
import type { APIRequestContext, Browser, BrowserContext, Page, Request } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import type { Handle } from "@/db/client";
import { articleRevisions, articles } from "@/db/schema";
import { Studio, editorField } from "./pages/studio";
import { browserAndDatabase } from "./support/browser-and-database";

let browser: Browser;
let db: Handle;
let captured: Promise<{ context: BrowserContext; id: number; save: Request }> | null = null;

browserAndDatabase((opened) => {
  ({ browser, db } = opened);
});

const url = (path: string) => new URL(path, inject("baseURL")).href;

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
  await page.fill(editorField("title"), "Origin probe");
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

import { request as httpRequest } from "node:http";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type Handle } from "@/db/client";
import { articles, categories } from "@/db/schema";

/**
 * The front server (server/http/front-server.mjs, what `npm start` and these tests run) answers
 * cache hits before Next routes the request. These check that such an answer is the one Next
 * gives — same body, same headers, its own nonce — and that everything it must not answer
 * still reaches Next.
 */
let db: Handle;
let articlePath: string;
let categoryPath: string;

beforeAll(async () => {
  db = await openDatabase(inject("databaseUrl"));
  const [published] = await db.db.select({ slug: articles.slug }).from(articles).where(eq(articles.status, "published")).limit(1);
  const [category] = await db.db.select({ slug: categories.slug }).from(categories).limit(1);
  articlePath = `/news/${published!.slug}`;
  categoryPath = `/category/${category!.slug}`;
});
afterAll(() => db.client.close());

const url = (path: string) => new URL(path, inject("baseURL")).href;
const fromFront = (response: Response) => response.headers.get("x-koho-cache") === "front";

/** Asks until the front server answers (the first request may fill the cache through Next). */
async function frontAnswer(path: string, headers: Record<string, string> = {}): Promise<Response> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const response = await fetch(url(path), { headers: { "accept-encoding": "identity", ...headers }, redirect: "manual" });
    if (fromFront(response)) return response;
    await response.arrayBuffer();
  }
  throw new Error(`${path} was never answered by the front server`);
}

const nonceOf = (response: Response) => /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];

/** Header names and values, less those that describe one response (date, length, nonce, framing). */
function comparableHeaders(response: Response): Record<string, string> {
  const skip = new Set(["date", "content-length", "transfer-encoding", "connection", "keep-alive", "x-koho-cache"]);
  const entries = [...response.headers].filter(([name]) => !skip.has(name));
  return Object.fromEntries(entries.map(([name, value]) => [name, value.replace(/'nonce-[^']+'/, "'nonce-…'")]));
}

describe("the front server's cache answers", () => {
  it("answers a public page as Next renders it, with a fresh nonce on the header and every inline script", async () => {
    for (const path of ["/", articlePath, categoryPath, "/archive"]) {
      const first = await frontAnswer(path);
      const second = await frontAnswer(path);
      const [a, b] = [await first.text(), await second.text()];
      const [nonceA, nonceB] = [nonceOf(first), nonceOf(second)];
      expect(nonceA, path).toBeTruthy();
      expect(nonceA, path).not.toBe(nonceB);
      expect(a.includes(`nonce="${nonceA}"`), path).toBe(true);
      expect(a.includes(nonceB!), path).toBe(false);
      expect(a.replaceAll(nonceA!, "N"), path).toBe(b.replaceAll(nonceB!, "N"));
      expect(first.headers.get("content-length"), path).toBe(String(Buffer.byteLength(a)));

      // Next's own answer for the same page: a HEAD is never answered from the store.
      const rendered = await fetch(url(path), { method: "HEAD", redirect: "manual", headers: { "accept-encoding": "identity" } });
      expect(fromFront(rendered), path).toBe(false);
      expect(comparableHeaders(first), path).toEqual(comparableHeaders(rendered));
    }
  });

  it("answers a feed with the headers, ETag and 304 the feed route gives", async () => {
    for (const path of ["/feed.xml", "/atom.xml", "/feed.json", `${categoryPath}/feed.xml`]) {
      const hit = await frontAnswer(path);
      const body = await hit.text();
      // The route's own answer: a query string is left to Next, and the feed ignores it.
      const routed = await fetch(url(`${path}?from=route`), { headers: { "accept-encoding": "identity" } });
      expect(fromFront(routed), path).toBe(false);
      expect(await routed.text(), path).toBe(body);
      expect(comparableHeaders(hit), path).toEqual(comparableHeaders(routed));

      const etag = hit.headers.get("etag")!;
      const notModified = await frontAnswer(path, { "if-none-match": etag });
      expect(notModified.status, path).toBe(304);
      expect(await notModified.text(), path).toBe("");
      expect(notModified.headers.get("etag"), path).toBe(etag);
      const changed = await frontAnswer(path, { "if-none-match": '"something-else"' });
      expect(changed.status, path).toBe(200);
    }
  });

  it("compresses for clients that accept it, as Next does", async () => {
    await frontAnswer(articlePath);
    const response = await frontAnswer(articlePath, { "accept-encoding": "gzip" });
    // fetch decodes the body; the header says it travelled compressed.
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(await response.text()).toContain("</html>");
    // A client that names no encoding at all gets the bytes as they are, with the same Vary.
    for (const path of [articlePath, "/feed.xml"]) {
      await frontAnswer(path);
      const plain = await rawRequest("GET", path);
      expect(plain.headers["x-koho-cache"], path).toBe("front");
      expect(plain.headers["content-encoding"], path).toBeUndefined();
      expect(plain.headers.vary, path).toMatch(/next-router-state-tree.*, Accept-Encoding$/);
      expect(Number(plain.headers["content-length"]), path).toBeGreaterThan(1000);
    }
  });

  it("leaves to Next what only Next may answer", async () => {
    await frontAnswer(articlePath);
    const cases: [string, string, Record<string, string>?][] = [
      ["GET", `${articlePath}/`], // Next redirects a trailing slash
      ["GET", `${articlePath}?utm_source=x`], // not a stored address
      ["GET", articlePath.replace("/news/", "/news/../news/")], // dot segments are Next's to resolve
      ["GET", `/${articlePath}`],
      ["GET", articlePath.replace("/news/", "/news\\")],
      ["GET", "/studio"],
      ["HEAD", articlePath],
      ["POST", articlePath],
      ["GET", articlePath, { rsc: "1" }],
      ["GET", articlePath, { "next-router-prefetch": "1" }],
      ["GET", articlePath, { "x-middleware-subrequest": "proxy" }],
      ["GET", "/news/%E0%A4%A"],
    ];
    for (const [method, target, headers] of cases) {
      const response = await rawRequest(method, target, headers);
      expect(response.headers["x-koho-cache"], `${method} ${target}`).toBeUndefined();
    }
    // Next's answers for two of them, unchanged by the front server.
    expect((await rawRequest("GET", articlePath, { "x-middleware-subrequest": "proxy" })).status).toBe(400);
    expect((await rawRequest("GET", "/news/%E0%A4%A")).status).toBe(400);
  });
});

/** A request with its target sent exactly as written (fetch would resolve dot segments and `//`). */
function rawRequest(method: string, target: string, headers: Record<string, string> = {}) {
  const base = new URL(inject("baseURL"));
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>((resolve, reject) => {
    const req = httpRequest({ host: base.hostname, port: base.port, method, path: target, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on("error", reject);
    req.end(method === "POST" ? "x" : undefined);
  });
}

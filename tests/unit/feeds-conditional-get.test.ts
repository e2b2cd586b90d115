import { describe, expect, it } from "vitest";
import { isNotModified, makeCachedDocument, serveCachedDocument } from "@/lib/conditional-get";

const doc = makeCachedDocument("<rss/>", Date.parse("2026-02-05T03:00:00.750Z"));
const headers = (h: Record<string, string>) => new Headers(h);

describe("cached documents", () => {
  it("carry a quoted content hash and a Last-Modified on a whole second", () => {
    expect(doc.etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(makeCachedDocument("<rss/>", 0).etag).toBe(doc.etag);
    expect(makeCachedDocument("<rss />", 0).etag).not.toBe(doc.etag);
    expect(doc.lastModified).toBe(Date.parse("2026-02-05T03:00:00Z"));
  });
});

describe("isNotModified", () => {
  it("compares If-None-Match weakly, in lists and with *", () => {
    expect(isNotModified(headers({ "if-none-match": doc.etag }), doc)).toBe(true);
    expect(isNotModified(headers({ "if-none-match": `W/${doc.etag}` }), doc)).toBe(true);
    expect(isNotModified(headers({ "if-none-match": `"a", ${doc.etag}` }), doc)).toBe(true);
    expect(isNotModified(headers({ "if-none-match": "*" }), doc)).toBe(true);
    expect(isNotModified(headers({ "if-none-match": '"a"' }), doc)).toBe(false);
  });

  it("uses If-Modified-Since only without If-None-Match", () => {
    const lm = new Date(doc.lastModified).toUTCString();
    expect(isNotModified(headers({ "if-modified-since": lm }), doc)).toBe(true);
    expect(isNotModified(headers({ "if-modified-since": new Date(doc.lastModified - 1000).toUTCString() }), doc)).toBe(false);
    expect(isNotModified(headers({ "if-modified-since": "garbage" }), doc)).toBe(false);
    expect(isNotModified(headers({ "if-modified-since": lm, "if-none-match": '"a"' }), doc)).toBe(false);
    expect(isNotModified(headers({}), doc)).toBe(false);
  });
});

describe("serveCachedDocument", () => {
  it("reads the request headers before loading, and answers 404 when there is nothing", async () => {
    const order: string[] = [];
    const request = new Request("http://x/feed.xml");
    const original = request.headers;
    Object.defineProperty(request, "headers", { get: () => (order.push("headers"), original) });
    const res = await serveCachedDocument(request, async () => (order.push("load"), null), "text/xml");
    expect(order).toEqual(["headers", "load"]);
    expect(res.status).toBe(404);
  });
});

import { describe, expect, vi } from "vitest";
import * as categoryAtom from "@/app/(site)/category/[slug]/atom.xml/route";
import * as categoryJson from "@/app/(site)/category/[slug]/feed.json/route";
import * as categoryRss from "@/app/(site)/category/[slug]/feed.xml/route";
import * as atom from "@/app/atom.xml/route";
import * as json from "@/app/feed.json/route";
import * as rss from "@/app/feed.xml/route";
import { integrationTest } from "../support/fixtures";

const it = integrationTest();

const routes = { rss, atom, json, categoryRss, categoryAtom, categoryJson };

const get = (path: string, headers: Record<string, string> = {}) => new Request(`http://localhost:3000${path}`, { headers });
const slug = (value: string) => ({ params: Promise.resolve({ slug: value }) });

describe("feed route handlers", () => {
  it("serve each format with its content type, validators and a CDN-friendly Cache-Control", async () => {
    const cases = [
      [await routes.rss.GET(get("/feed.xml")), "application/rss+xml; charset=utf-8"],
      [await routes.atom.GET(get("/atom.xml")), "application/atom+xml; charset=utf-8"],
      [await routes.json.GET(get("/feed.json")), "application/feed+json; charset=utf-8"],
      [await routes.categoryRss.GET(get("/category/government/feed.xml"), slug("government")), "application/rss+xml; charset=utf-8"],
      [await routes.categoryAtom.GET(get("/category/government/atom.xml"), slug("government")), "application/atom+xml; charset=utf-8"],
      [await routes.categoryJson.GET(get("/category/government/feed.json"), slug("government")), "application/feed+json; charset=utf-8"],
    ] as const;
    for (const [res, type] of cases) {
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe(type);
      expect(res.headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]+"$/);
      expect(new Date(res.headers.get("last-modified")!).getTime()).toBeGreaterThan(0);
      expect(res.headers.get("cache-control")).toBe("public, max-age=60, s-maxage=300, stale-while-revalidate=600");
      expect((await res.text()).length).toBeGreaterThan(100);
    }
  });

  it("answers 304 with no body to a matching If-None-Match, including a weak or listed tag", async () => {
    const { GET } = routes.rss;
    const first = await GET(get("/feed.xml"));
    const etag = first.headers.get("etag")!;
    for (const value of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
      const res = await GET(get("/feed.xml", { "If-None-Match": value }));
      expect(res.status).toBe(304);
      expect(await res.text()).toBe("");
      expect(res.headers.get("etag")).toBe(etag);
      expect(res.headers.get("cache-control")).toContain("s-maxage=300");
    }
    expect((await GET(get("/feed.xml", { "If-None-Match": '"stale"' }))).status).toBe(200);
  });

  it("answers 304 to If-Modified-Since at or after Last-Modified, 200 before it, and lets If-None-Match win", async () => {
    // Outside Next nothing is cached, so every call regenerates: hold the clock still.
    vi.spyOn(Date, "now").mockReturnValue(Date.parse("2026-03-01T00:00:00Z"));
    const { GET } = routes.json;
    const first = await GET(get("/feed.json"));
    const lastModified = first.headers.get("last-modified")!;
    expect((await GET(get("/feed.json", { "If-Modified-Since": lastModified }))).status).toBe(304);
    const earlier = new Date(Date.parse(lastModified) - 60_000).toUTCString();
    expect((await GET(get("/feed.json", { "If-Modified-Since": earlier }))).status).toBe(200);
    expect((await GET(get("/feed.json", { "If-Modified-Since": "not a date" }))).status).toBe(200);
    expect((await GET(get("/feed.json", { "If-Modified-Since": lastModified, "If-None-Match": '"stale"' }))).status).toBe(200);
    vi.restoreAllMocks();
  });

  it("answers 404 for a category that does not exist", async () => {
    const res = await routes.categoryAtom.GET(get("/category/nope/atom.xml"), slug("nope"));
    expect(res.status).toBe(404);
  });
});

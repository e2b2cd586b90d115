import { count } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type Handle } from "@/db/client";
import { mediaAssets } from "@/db/schema";
import { smallPng } from "../support/images";
import { sessionCookie } from "./support/action-request";

/**
 * Issue 14: broken percent-encoding in a path answered a bare 500; the public
 * policy replaced the media route's own sandbox policy; the upload route took
 * cross-origin posts. Raw requests against the production build.
 */
let db: Handle;
let cookie: string;
const url = (path: string) => new URL(path, inject("baseURL")).href;
const origin = () => new URL(inject("baseURL")).origin;
const mediaCount = async () => (await db.db.select({ n: count() }).from(mediaAssets))[0]!.n;

function upload(image: Buffer, headers: Record<string, string>) {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(image)], { type: "image/png" }), "probe.png");
  return fetch(url("/api/studio/media/upload"), { method: "POST", headers: { cookie, ...headers }, body: form });
}

beforeAll(async () => {
  db = await openDatabase(inject("databaseUrl"));
  cookie = await sessionCookie(db, "editor@koho.example");
});
afterAll(() => db?.client.close());

describe("paths with broken percent-encoding", () => {
  it("answer 400 with a page that says what is wrong, on every kind of route", async () => {
    for (const path of [
      "/news/%",
      "/news/%zz",
      "/news/a%2",
      "/category/%",
      "/category/%E0%A4%A",
      "/archive/2026/%zz",
      "/preview/%zz",
      "/%zz",
    ]) {
      const response = await fetch(url(path), { redirect: "manual" });
      expect(response.status, path).toBe(400);
      expect(response.headers.get("content-type"), path).toContain("text/html");
      expect(await response.text(), path).toContain("This address is not valid");
    }
    // Well-formed escapes (a Japanese slug that does not exist) are still just a 404.
    expect((await fetch(url("/news/%E6%9D%B1%E4%BA%AC"))).status).toBe(404);
  });
});

describe("uploaded images", () => {
  it("the upload route refuses cross-origin posts with 403, storing nothing", async () => {
    const before = await mediaCount();
    const image = await smallPng();
    const forged: Record<string, string>[] = [
      { origin: "https://attacker.example" },
      { origin: "null" },
      { origin: "not a url" },
      { "sec-fetch-site": "cross-site" },
    ];
    for (const headers of forged) {
      const response = await upload(image, headers);
      expect(response.status, JSON.stringify(headers)).toBe(403);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("forbidden:request");
      expect(body.error.message).toMatch(/refused/);
    }
    expect(await mediaCount()).toBe(before);
    // Control: from the site itself the same upload is stored.
    expect((await upload(image, { origin: origin(), "sec-fetch-site": "same-origin" })).status).toBe(201);
    expect(await mediaCount()).toBe(before + 1);
  });

  it("an upload over 10 MB arrives whole: the proxy does not run for it (Next would hand the route only a 10 MB copy)", async () => {
    // An uncompressed PNG: about 15 MB on the wire, below the 20 MB upload limit, quick to process.
    const big = await sharp({ create: { width: 2600, height: 2000, channels: 3, background: { r: 20, g: 90, b: 160 } } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(big.byteLength).toBeGreaterThan(12 * 1024 * 1024);
    const response = await upload(big, { origin: origin(), "sec-fetch-site": "same-origin" });
    expect(response.status, await response.clone().text()).toBe(201);
  });

  it("are served with their own sandbox policy, not the public pages' one", async () => {
    const genuine = await upload(await smallPng(), { origin: origin(), "sec-fetch-site": "same-origin" });
    expect(genuine.status).toBe(201);
    const response = await fetch(url(((await genuine.json()) as { media: { src: string } }).media.src));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^image\//);
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    // A missing variant gets the same policy: nothing under /media/ is a page.
    const missing = await fetch(url("/media/not-a-key/960.webp"));
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-security-policy") ?? "").not.toContain("script-src");
  });
});

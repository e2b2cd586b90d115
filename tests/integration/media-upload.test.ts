import { readdirSync } from "node:fs";
import { join } from "node:path";
import { count } from "drizzle-orm";
import sharp from "sharp";
import { describe, expect } from "vitest";
import * as listRoute from "@/app/api/studio/media/route";
import * as uploadRoute from "@/app/api/studio/media/upload/route";
import * as variantRoute from "@/app/media/[key]/[file]/route";
import type { Database } from "@/db/client";
import { mediaAssets } from "@/db/schema";
import * as upload from "@/server/media/upload";
import { integrationTest } from "../support/fixtures";
import { htmlPage, jpegWithGps, oversizeFile, photoJpeg, smallPng, svgDrawing, truncatedJpeg } from "../support/images";
import { failure } from "../support/workflow";

const it = integrationTest();

const rows = async (db: Database) => (await db.select({ n: count() }).from(mediaAssets))[0]!.n;
const onDisk = (mediaDir: string) => readdirSync(mediaDir).sort();
const params = (key: string, file: string) => ({ params: Promise.resolve({ key, file }) });

function multipart(name: string, bytes: Buffer, type = "image/png") {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], name, { type }));
  return new Request("http://localhost/api/studio/media/upload", { method: "POST", body: form });
}

describe("a stored upload", () => {
  it("keeps no EXIF (no GPS) on the stored original and makes 480/960/1600 WebP and AVIF variants, never upscaled", async ({
    db,
    mediaDir,
    actAs,
  }) => {
    actAs("writer");
    const input = await jpegWithGps();
    expect((await sharp(input).metadata()).exif).toBeDefined();
    const started = performance.now();
    const media = await upload.uploadMedia({ fileName: "drill.jpg", bytes: input });
    console.info(`upload of a 1200×800 JPEG: ${Math.round(performance.now() - started)} ms`);
    expect(media).toMatchObject({
      mimeType: "image/jpeg",
      originalWidth: 1200,
      originalHeight: 800,
      usable: false,
      originalName: "drill.jpg",
    });
    const [row] = await db.select().from(mediaAssets);
    const dir = join(mediaDir, row!.storageKey);
    expect(readdirSync(dir).sort()).toEqual(["1600.avif", "1600.webp", "480.avif", "480.webp", "960.avif", "960.webp", "original.jpg"]);
    const stored = await sharp(join(dir, "original.jpg")).metadata();
    expect(stored.exif).toBeUndefined();
    expect(stored.format).toBe("jpeg");
    expect(row!.variants.map((v) => `${v.key}:${v.width}x${v.height}`)).toEqual([
      "480.webp:480x320",
      "480.avif:480x320",
      "960.webp:960x640",
      "960.avif:960x640",
      "1600.webp:1200x800",
      "1600.avif:1200x800",
    ]);
    for (const v of row!.variants) expect((await sharp(join(dir, v.key)).metadata()).exif).toBeUndefined();
    expect(media.src).toBe(`/media/${row!.storageKey}/960.webp`);
    expect(media.webpSrcset).toBe(
      `/media/${row!.storageKey}/480.webp 480w, /media/${row!.storageKey}/960.webp 960w, /media/${row!.storageKey}/1600.webp 1200w`,
    );
  });

  it("serves a variant with its type, immutable caching and nosniff; unknown keys and names are 404", async ({ db }) => {
    const [row] = await db.select().from(mediaAssets);
    const response = await variantRoute.GET(new Request("http://localhost/"), params(row!.storageKey, "960.avif"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/avif");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await sharp(Buffer.from(await response.arrayBuffer())).metadata()).width).toBe(960);
    for (const [key, file] of [
      [row!.storageKey, "original.jpg"],
      [row!.storageKey, "../koho.db"],
      ["..", "960.webp"],
      ["AAAAAAAAAAAAAAAAAAAAAA", "960.webp"],
      [row!.storageKey, "2000.webp"],
    ]) {
      expect((await variantRoute.GET(new Request("http://localhost/"), params(key!, file!))).status).toBe(404);
    }
  });

  it("accepts a PNG through the upload route for a writer, and lists it for the picker", async ({ actAs }) => {
    actAs("writer");
    const response = await uploadRoute.POST(multipart("badge.png", await smallPng()));
    expect(response.status).toBe(201);
    const { media } = await response.json();
    expect(media).toMatchObject({ mimeType: "image/png", originalWidth: 300, width: 300 });
    const listed = await (await listRoute.GET(new Request("http://localhost/api/studio/media?q=badge"))).json();
    expect(listed.media.map((m: { id: number }) => m.id)).toEqual([media.id]);
  });
});

describe("refused uploads leave nothing on disk or in the database", () => {
  const cases: [string, string, () => Promise<Buffer> | Buffer, RegExp][] = [
    ["an SVG", "logo.svg", () => svgDrawing, /SVG drawings are not accepted/],
    ["an HTML page renamed .png", "photo.png", () => htmlPage, /not a JPEG, PNG, WebP or AVIF image/],
    ["a truncated JPEG", "cut.jpg", truncatedJpeg, /damaged or incomplete/],
    ["a 25 MB file", "huge.jpg", oversizeFile, /25 MB; the limit is 20 MB/],
    ["a file named ../../x.png", "../../x.png", smallPng, /cannot contain folders/],
  ];
  for (const [what, name, make, message] of cases) {
    it(`refuses ${what} with a clear message`, async ({ db, mediaDir, actAs }) => {
      actAs("writer");
      const before = { rows: await rows(db), disk: onDisk(mediaDir) };
      const error = await failure(upload.uploadMedia({ fileName: name, bytes: await make() }));
      expect(error).toMatchObject({ code: "bad_request:media", status: 400 });
      expect(error.message).toMatch(message);
      expect({ rows: await rows(db), disk: onDisk(mediaDir) }).toEqual(before);
      expect(onDisk(mediaDir).some((f) => f.startsWith("."))).toBe(false);
    });
  }

  it("refuses each bad file through the route with a JSON 4xx naming the problem", async ({ db, mediaDir, actAs }) => {
    actAs("writer");
    const before = { rows: await rows(db), disk: onDisk(mediaDir) };
    for (const [, name, make, message] of cases) {
      const response = await uploadRoute.POST(multipart(name, await make()));
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      const json = await response.json();
      // Over the size limit the route answers 413 too_large (below); every other refusal is a 400.
      expect(json.error.code).toBe(name.includes("huge") ? "too_large:media" : "bad_request:media");
      if (!name.includes("huge")) expect(json.error.message).toMatch(message);
    }
    expect({ rows: await rows(db), disk: onDisk(mediaDir) }).toEqual(before);
  });

  it("refuses a body over the limit from its declared length, before reading it (413)", async ({ actAs }) => {
    actAs("writer");
    const request = new Request("http://localhost/api/studio/media/upload", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(26 * 1024 * 1024) },
      body: "--x--",
    });
    const response = await uploadRoute.POST(request);
    expect(response.status).toBe(413);
    expect((await response.json()).error.message).toMatch(/larger than the 20 MB limit/);
  });

  it("stops reading a streamed body once it passes the limit (413)", async ({ actAs }) => {
    actAs("writer");
    const response = await uploadRoute.POST(multipart("huge.jpg", await oversizeFile(), "image/jpeg"));
    expect(response.status).toBe(413);
  });
});

describe("who may upload", () => {
  it("answers 401 to an anonymous upload or library read, and stores nothing", async ({ db, mediaDir, actAs }) => {
    actAs(null);
    const before = { rows: await rows(db), disk: onDisk(mediaDir) };
    const response = await uploadRoute.POST(multipart("a.jpg", await photoJpeg({ width: 100, height: 100 }), "image/jpeg"));
    expect(response.status).toBe(401);
    expect((await listRoute.GET(new Request("http://localhost/api/studio/media"))).status).toBe(401);
    expect({ rows: await rows(db), disk: onDisk(mediaDir) }).toEqual(before);
  });

  it("lets writers, editors, publishers and admins upload", async ({ staff, actAs }) => {
    for (const role of ["writer", "editor", "publisher", "admin"] as const) {
      actAs(staff[role]);
      const media = await upload.uploadMedia({ fileName: `${role}.jpg`, bytes: await photoJpeg({ width: 640, height: 480 }) });
      expect(media.originalName).toBe(`${role}.jpg`);
    }
  });
});

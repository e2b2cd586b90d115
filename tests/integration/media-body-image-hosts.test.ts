import { afterEach, describe, expect } from "vitest";
import { articleEditions } from "@/db/schema";
import * as drafts from "@/server/articles/drafts";
import * as hosts from "@/server/media/image-hosts";
import { integrationTest } from "../support/fixtures";
import { actAs } from "../support/session";
import { draftPayload, failure } from "../support/workflow";

const it = integrationTest();

/** Body images come from the media library (/media/…) or a host an admin allowed: no tracking pixels from anywhere. */

afterEach(() => {
  delete process.env.MEDIA_ALLOWED_IMAGE_HOSTS;
});

const withImage = (src: string) => ({
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text: "Words." }] },
    { type: "blockquote", content: [{ type: "image", attrs: { src, alt: "A photo", width: 960, height: 640 } }] },
  ],
});

async function saveWith(src: string) {
  actAs("writer");
  const { id } = await drafts.createArticle();
  return drafts.saveArticleDraft(draftPayload(id, 1, { slug: `hosts-${id}`, body: withImage(src) }));
}

describe("body image sources", () => {
  // First, while the database holds only the seeded editions.
  it("still accepts every body of the demo content", async ({ db }) => {
    const bodies = await db.select({ body: articleEditions.body }).from(articleEditions);
    expect(bodies.length).toBeGreaterThan(0);
    for (const { body } of bodies) expect(hosts.disallowedImageSource(body)).toBeNull();
  });

  it("refuses an image from another host, even nested, with a message saying where images come from", async () => {
    for (const src of [
      "https://tracker.gov.example/pixel.gif",
      "http://203.0.113.9/p.png",
      "/news/some-page.png",
      "/media/../etc/passwd",
    ]) {
      const refused = await failure(saveWith(src));
      expect(refused).toMatchObject({
        code: "bad_request:article",
        status: 400,
        message: expect.stringMatching(/media library/),
        details: { fields: { body: expect.any(String) } },
      });
    }
  });

  it("accepts the media library's own images", async () => {
    expect((await saveWith("/media/8f3a2c1d9e7b4a60/960.webp")).version).toBe(2);
  });

  it("accepts https images from a host an admin allowed in MEDIA_ALLOWED_IMAGE_HOSTS, and only those", async () => {
    process.env.MEDIA_ALLOWED_IMAGE_HOSTS = "photos.city.example, Archive.Metro.example";
    expect((await saveWith("https://photos.city.example/2026/ceremony.jpg")).version).toBe(2);
    expect((await saveWith("https://archive.metro.example/a.jpg")).version).toBe(2);
    expect((await failure(saveWith("http://photos.city.example/a.jpg"))).status).toBe(400);
    expect((await failure(saveWith("https://evil.photos.city.example.net/a.jpg"))).status).toBe(400);
  });
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Parser from "rss-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { photoJpeg } from "../support/images";
import { actAs } from "../support/session";
import { staffByRole } from "../support/staff";
import { createTempDatabase } from "../support/temp-db";
import { draftPayload, seenVersion } from "../support/workflow";

let t: Awaited<ReturnType<typeof createTempDatabase>>;
let mediaDir: string;

beforeAll(async () => {
  t = await createTempDatabase({ demo: true });
  mediaDir = mkdtempSync(join(tmpdir(), "koho-media-"));
  process.env.DATABASE_URL = t.url;
  process.env.MEDIA_DIR = mediaDir;
});
afterAll(() => {
  t.cleanup();
  rmSync(mediaDir, { recursive: true, force: true });
});

describe("a published item's hero image", () => {
  it("travels into the RSS enclosure and the JSON Feed image, as an absolute URL of its widest variant", async () => {
    const staff = await staffByRole(t.db);
    const upload = await import("@/server/media/upload");
    const library = await import("@/server/media/library");
    const hero = await import("@/server/media/hero");
    const drafts = await import("@/server/articles/drafts");
    const flow = await import("@/server/editorial/transitions");
    const feeds = await import("@/server/feeds");

    actAs(staff.writer);
    const photo = await upload.uploadMedia({ fileName: "signing.jpg", bytes: await photoJpeg({ width: 2000, height: 1333 }) });
    await library.updateMediaDescription({ id: photo.id, version: 1, altText: "The governor signs the agreement", decorative: false, caption: "Signing", credit: "Photo: TMG" });
    const { id } = await drafts.createArticle();
    await drafts.saveArticleDraft(draftPayload(id, 1, { slug: "hero-in-feeds", title: "Hero in feeds" }));
    await hero.setArticleHeroImage({ articleId: id, mediaId: photo.id });
    await flow.applyTransition("article", { articleId: id, transition: "submit" });
    actAs(staff.publisher);
    await flow.applyTransition("article", { articleId: id, version: await seenVersion(t.db, id), transition: "approve" });
    await flow.applyTransition("article", { articleId: id, version: await seenVersion(t.db, id), transition: "publish" });

    const rss = await new Parser().parseString((await feeds.getSiteFeed({ format: "rss" })).body);
    const item = rss.items.find((i) => i.link?.endsWith("/news/hero-in-feeds"));
    expect(item?.enclosure).toMatchObject({ url: expect.stringMatching(/^http:\/\/localhost:3000\/media\/.+\/1600\.webp$/), type: "image/webp" });
    expect(Number(item?.enclosure?.length)).toBeGreaterThan(0);

    const json = JSON.parse((await feeds.getSiteFeed({ format: "json" })).body) as { items: { url: string; image?: string }[] };
    expect(json.items.find((i) => i.url.endsWith("/news/hero-in-feeds"))?.image).toMatch(/^http:\/\/localhost:3000\/media\/.+\.webp$/);

    const publicHero = await hero.getPublicHeroImage({ slug: "hero-in-feeds" });
    expect(publicHero).toMatchObject({ alt: "The governor signs the agreement", credit: "Photo: TMG" });
    expect(publicHero!.webpSrcset).toMatch(/480w.*960w.*1600w/);
  });
});

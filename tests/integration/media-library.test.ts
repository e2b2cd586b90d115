import { existsSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { mediaAssets } from "@/db/schema";
import { renderArticleHtml } from "@/lib/content/render-html";
import { tokyoDateOf } from "@/lib/dates";
import * as drafts from "@/server/articles/drafts";
import * as queries from "@/server/articles/studio-queries";
import * as hero from "@/server/media/hero";
import * as library from "@/server/media/library";
import * as upload from "@/server/media/upload";
import * as flow from "@/server/editorial/transitions";
import { integrationTest } from "../support/fixtures";
import { photoJpeg } from "../support/images";
import { draftPayload, failure, seenVersion } from "../support/workflow";

const it = integrationTest();

const imageDoc = (src: string, alt: string) => ({
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text: "Words." }] },
    { type: "image", attrs: { src, alt, width: 960, height: 640 } },
  ],
});

async function uploaded(name: string) {
  return upload.uploadMedia({ fileName: name, bytes: await photoJpeg({ width: 1500, height: 1000 }) });
}

describe("describing images", () => {
  it("saves alt text, caption and credit with optimistic concurrency, and finds images by them", async ({ actAs }) => {
    actAs("writer");
    const media = await uploaded("ceremony.jpg");
    const saved = await library.updateMediaDescription({
      id: media.id,
      version: media.version,
      altText: "Governor cuts the ribbon at Shinjuku station",
      decorative: false,
      caption: "The new east exit opens.",
      credit: "Photo: Tokyo Metropolitan Government",
    });
    expect(saved.media).toMatchObject({
      usable: true,
      alt: "Governor cuts the ribbon at Shinjuku station",
      version: 2,
      credit: "Photo: Tokyo Metropolitan Government",
    });
    const stale = await failure(
      library.updateMediaDescription({ id: media.id, version: 1, altText: "Older words", decorative: false, caption: "", credit: "" }),
    );
    expect(stale).toMatchObject({ code: "conflict:media", status: 409 });
    expect((await library.listMedia({ q: "RIBBON" })).map((m) => m.id)).toEqual([media.id]);
    expect((await library.listMedia({ q: "east exit" })).map((m) => m.id)).toEqual([media.id]);
    expect(await library.listMedia({ q: "nothing like this" })).toEqual([]);
    const today = tokyoDateOf(new Date());
    expect((await library.listMedia({ from: today, to: today })).map((m) => m.id)).toContain(media.id);
    expect(await library.listMedia({ from: "2099-01-01" })).toEqual([]);
    expect(
      (
        await failure(
          library.updateMediaDescription({
            id: media.id,
            version: 2,
            altText: "x",
            decorative: false,
            caption: "",
            credit: "",
            storageKey: "../x",
          }),
        )
      ).status,
    ).toBe(400);
  });

  it("gives a decorative image empty alt text", async ({ actAs }) => {
    actAs("writer");
    const media = await uploaded("pattern.jpg");
    const { media: saved } = await library.updateMediaDescription({
      id: media.id,
      version: 1,
      altText: "ignored",
      decorative: true,
      caption: "",
      credit: "",
    });
    expect(saved).toMatchObject({ usable: true, decorative: true, alt: "", altText: "" });
  });

  it("refuses anonymous readers of the library", async ({ actAs }) => {
    actAs(null);
    expect((await failure(library.listMedia({}))).status).toBe(401);
  });
});

describe("hero image, usage and deletion", () => {
  it("refuses an undescribed hero, shows a published hero to readers, and refuses deleting an image in use with the items using it", async ({
    db,
    actAs,
  }) => {
    actAs("writer");
    const media = await uploaded("drill.jpg");
    const { id } = await drafts.createArticle();
    await drafts.saveArticleDraft(
      draftPayload(id, 1, {
        title: "Disaster drill at Ariake",
        slug: `drill-${id}`,
        body: imageDoc(media.src, "Rescue teams practise at Ariake"),
      }),
    );
    const bare = await failure(hero.setArticleHeroImage({ articleId: id, mediaId: media.id }));
    expect(bare).toMatchObject({ code: "bad_request:media", message: expect.stringMatching(/alt text/) });

    const described = await library.updateMediaDescription({
      id: media.id,
      version: 1,
      altText: "Rescue teams practise at Ariake",
      decorative: false,
      caption: "The autumn drill.",
      credit: "Photo: Tokyo Fire Department",
    });
    expect((await hero.setArticleHeroImage({ articleId: id, mediaId: media.id }))?.id).toBe(media.id);
    expect((await hero.getArticleHeroImage({ articleId: id }))?.alt).toBe("Rescue teams practise at Ariake");

    const usage = await library.getMediaUsage({ id: media.id });
    expect(usage).toEqual([expect.objectContaining({ articleId: id, title: "Disaster drill at Ariake", as: "hero" })]);
    const refused = await failure(library.deleteMedia({ id: media.id }));
    expect(refused).toMatchObject({ code: "conflict:media", status: 409, message: expect.stringContaining("“Disaster drill at Ariake”") });

    await flow.applyTransition("article", { articleId: id, transition: "submit" });
    actAs("publisher");
    await flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "approve" });
    await flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "publish" });
    const bodyHtml = renderArticleHtml(imageDoc(media.src, "Rescue teams practise at Ariake") as never);
    expect(bodyHtml).toContain(
      `srcset="${media.src.replace("960.webp", "480.webp")} 480w, ${media.src} 960w, ${media.src.replace("960.webp", "1600.webp")} 1600w"`,
    );
    expect(bodyHtml).toContain('alt="Rescue teams practise at Ariake"');
    const publicHero = await hero.getPublicHeroImage({ slug: `drill-${id}` });
    expect(publicHero).toMatchObject({
      alt: "Rescue teams practise at Ariake",
      caption: "The autumn drill.",
      credit: "Photo: Tokyo Fire Department",
      width: 960,
      height: 640,
    });
    expect(publicHero!.avifSrcset).toMatch(/480\.avif 480w, .*960\.avif 960w, .*1600\.avif 1500w$/);
    expect(publicHero!.largest).toMatchObject({ width: 1500, type: "image/webp" });
    expect((await hero.listPublicHeroImages({ articleIds: [id] }))[id]?.src).toBe(media.src);
    expect(
      (
        await library.updateMediaDescription({
          id: media.id,
          version: described.media.version,
          altText: "Rescue teams at Ariake",
          decorative: false,
          caption: "",
          credit: "",
        })
      ).expireTags,
    ).toContain(`public:article:drill-${id}`);

    // A published edition cannot take a new hero until a new draft starts.
    expect((await failure(hero.setArticleHeroImage({ articleId: id, mediaId: null }))).code).toBe("conflict:article");
  });

  it("deletes an unused image: row and files", async ({ db, mediaDir, actAs }) => {
    actAs("writer");
    const media = await uploaded("unused.jpg");
    const [row] = await db.select().from(mediaAssets).where(eq(mediaAssets.id, media.id));
    expect(existsSync(join(mediaDir, row!.storageKey))).toBe(true);
    await library.deleteMedia({ id: media.id });
    expect(existsSync(join(mediaDir, row!.storageKey))).toBe(false);
    expect(await db.select().from(mediaAssets).where(eq(mediaAssets.id, media.id))).toEqual([]);
    expect((await failure(library.deleteMedia({ id: media.id }))).status).toBe(404);
  });

  it("lets writers delete only their own uploads, and counts an image in a draft's text as in use", async ({ actAs }) => {
    actAs("editor");
    const theirs = await uploaded("editor.jpg");
    actAs("writer");
    expect((await failure(library.deleteMedia({ id: theirs.id }))).status).toBe(403);
    const { id } = await drafts.createArticle();
    const current = await queries.getArticleForEditing({ id });
    await drafts.saveArticleDraft(
      draftPayload(id, current.version, { title: "Body only", slug: `body-${id}`, body: imageDoc(theirs.src, "Editor photo") }),
    );
    actAs("editor");
    const refused = await failure(library.deleteMedia({ id: theirs.id }));
    expect(refused.details).toMatchObject({ usage: [expect.objectContaining({ title: "Body only", as: "body" })] });
  });

  it("refuses a hero change on someone else's item for a writer", async ({ actAs }) => {
    actAs("editor");
    const { id } = await drafts.createArticle();
    const media = await uploaded("x.jpg");
    await library.updateMediaDescription({ id: media.id, version: 1, altText: "Alt", decorative: false, caption: "", credit: "" });
    actAs("writer");
    expect((await failure(hero.setArticleHeroImage({ articleId: id, mediaId: media.id }))).status).toBe(403);
  });
});

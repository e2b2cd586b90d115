import { describe, expect } from "vitest";
import type { Database } from "@/db/client";
import * as drafts from "@/server/articles/drafts";
import * as hero from "@/server/media/hero";
import * as library from "@/server/media/library";
import * as upload from "@/server/media/upload";
import * as flow from "@/server/editorial/transitions";
import { integrationTest } from "../support/fixtures";
import { photoJpeg } from "../support/images";
import { actAs } from "../support/session";
import { draftPayload, failure, seenVersion } from "../support/workflow";

const it = integrationTest();

/**
 * What readers see of an image (alt text, caption, credit) changes only by a
 * publisher once an item readers see, or a reviewer is reading, uses it.
 */

async function describedImage(name: string, alt: string) {
  const media = await upload.uploadMedia({ fileName: name, bytes: await photoJpeg({ width: 1200, height: 800 }) });
  const { media: described } = await library.updateMediaDescription({
    id: media.id,
    version: media.version,
    altText: alt,
    decorative: false,
    caption: "Caption",
    credit: "Photo: TMG",
  });
  return described;
}

const describe_ = (id: number, version: number, altText: string) =>
  library.updateMediaDescription({ id, version, altText, decorative: false, caption: "Rewritten", credit: "Nobody" });

/** The editor writes and sets the hero, the publisher approves and publishes. */
async function publishWith(db: Database, mediaId: number, { asHero, src }: { asHero: boolean; src: string }) {
  actAs("editor");
  const { id } = await drafts.createArticle();
  const body = {
    type: "doc",
    content: [
      { type: "paragraph", content: [{ type: "text", text: "Words." }] },
      ...(asHero ? [] : [{ type: "image", attrs: { src, alt: "Body alt", width: 960, height: 640 } }]),
    ],
  };
  await drafts.saveArticleDraft(draftPayload(id, 1, { slug: `rights-${id}`, body }));
  if (asHero) await hero.setArticleHeroImage({ articleId: id, mediaId });
  await flow.applyTransition("article", { articleId: id, transition: "submit" });
  actAs("publisher");
  await flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "approve" });
  await flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "publish" });
  return id;
}

describe("who may describe an image", () => {
  it("lets the uploader and editors describe an unused image, but not another writer's… nor a writer someone else's", async () => {
    actAs("editor");
    const editors = await describedImage("editors.jpg", "Editor photo");
    actAs("writer");
    const refused = await failure(describe_(editors.id, editors.version, "Writer's words"));
    expect(refused).toMatchObject({ code: "forbidden:media", status: 403, message: expect.stringMatching(/uploaded it or an editor/) });
    const own = await describedImage("writers.jpg", "Writer photo");
    expect((await describe_(own.id, own.version, "Writer photo, better")).media.alt).toBe("Writer photo, better");
    actAs("editor");
    expect((await describe_(own.id, own.version + 1, "Edited by the editor")).media.alt).toBe("Edited by the editor");
  });

  it("refuses writers and editors once a published item uses the image as its hero; a publisher may change it", async ({ db, staff }) => {
    actAs("publisher");
    const photo = await describedImage("hero.jpg", "The governor at the podium");
    await publishWith(db, photo.id, { asHero: true, src: photo.src });
    for (const role of ["writer", "editor"] as const) {
      actAs(staff[role]);
      const refused = await failure(describe_(photo.id, photo.version, "Something else entirely"));
      expect(refused).toMatchObject({ code: "forbidden:media", status: 403, message: expect.stringMatching(/published.*publisher/i) });
    }
    actAs("publisher");
    expect((await library.getMediaById({ id: photo.id })).alt).toBe("The governor at the podium");
    expect((await describe_(photo.id, photo.version, "The governor speaks")).media.alt).toBe("The governor speaks");
  });

  it("locks the description of an image placed in the text of a published item, even for its uploader", async ({ db }) => {
    actAs("writer");
    const photo = await describedImage("body.jpg", "Crowd at the station");
    await publishWith(db, photo.id, { asHero: false, src: photo.src });
    actAs("writer");
    expect((await failure(describe_(photo.id, photo.version, "Tracking text"))).status).toBe(403);
    expect(await library.getMediaDescriptionRights({ id: photo.id })).toMatchObject({
      canEdit: false,
      reason: expect.stringMatching(/publisher/),
    });
    actAs("admin");
    expect(await library.getMediaDescriptionRights({ id: photo.id })).toMatchObject({ canEdit: true });
  });

  it("locks it while an item using it waits for review, and frees it when that item is back in draft", async () => {
    actAs("writer");
    const photo = await describedImage("review.jpg", "Bridge opening");
    const { id } = await drafts.createArticle();
    await drafts.saveArticleDraft(draftPayload(id, 1, { slug: `review-${id}` }));
    await hero.setArticleHeroImage({ articleId: id, mediaId: photo.id });
    await flow.applyTransition("article", { articleId: id, transition: "submit" });
    expect((await failure(describe_(photo.id, photo.version, "Changed under review"))).status).toBe(403);
    await flow.applyTransition("article", { articleId: id, transition: "return_to_draft" });
    expect((await describe_(photo.id, photo.version, "Changed in draft")).media.alt).toBe("Changed in draft");
  });
});

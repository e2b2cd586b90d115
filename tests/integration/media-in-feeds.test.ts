import Parser from "rss-parser";
import { describe, expect } from "vitest";
import * as drafts from "@/server/articles/drafts";
import * as feeds from "@/server/public/feeds";
import * as hero from "@/server/media/hero";
import * as library from "@/server/media/library";
import * as upload from "@/server/media/upload";
import * as flow from "@/server/editorial/transitions";
import { integrationTest } from "../support/fixtures";
import { photoJpeg } from "../support/images";
import { draftPayload, seenVersion } from "../support/workflow";

const it = integrationTest();

describe("a published item's hero image", () => {
  it("travels into the RSS enclosure and the JSON Feed image, as an absolute URL of its widest variant", async ({ db, actAs }) => {
    actAs("writer");
    const photo = await upload.uploadMedia({ fileName: "signing.jpg", bytes: await photoJpeg({ width: 2000, height: 1333 }) });
    await library.updateMediaDescription({
      id: photo.id,
      version: 1,
      altText: "The governor signs the agreement",
      decorative: false,
      caption: "Signing",
      credit: "Photo: TMG",
    });
    const { id } = await drafts.createArticle();
    await drafts.saveArticleDraft(draftPayload(id, 1, { slug: "hero-in-feeds", title: "Hero in feeds" }));
    await hero.setArticleHeroImage({ articleId: id, mediaId: photo.id });
    await flow.applyTransition("article", { articleId: id, transition: "submit" });
    actAs("publisher");
    await flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "approve" });
    await flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "publish" });

    const rss = await new Parser().parseString((await feeds.getSiteFeed({ format: "rss" })).body);
    const item = rss.items.find((i) => i.link?.endsWith("/news/hero-in-feeds"));
    expect(item?.enclosure).toMatchObject({
      url: expect.stringMatching(/^http:\/\/localhost:3000\/media\/.+\/1600\.webp$/),
      type: "image/webp",
    });
    expect(Number(item?.enclosure?.length)).toBeGreaterThan(0);

    const json = JSON.parse((await feeds.getSiteFeed({ format: "json" })).body) as { items: { url: string; image?: string }[] };
    expect(json.items.find((i) => i.url.endsWith("/news/hero-in-feeds"))?.image).toMatch(/^http:\/\/localhost:3000\/media\/.+\.webp$/);

    const publicHero = await hero.getPublicHeroImage({ slug: "hero-in-feeds" });
    expect(publicHero).toMatchObject({ alt: "The governor signs the agreement", credit: "Photo: TMG" });
    expect(publicHero!.webpSrcset).toMatch(/480w.*960w.*1600w/);
  });
});

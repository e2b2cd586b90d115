import { describe, expect } from "vitest";
import * as drafts from "@/server/articles/drafts";
import * as reader from "@/server/public/article";
import * as flow from "@/server/editorial/transitions";
import { HOSTILE_IMAGE_SOURCES, HOSTILE_LINKS, HOSTILE_TEXT } from "../fixtures/xss-corpus";
import { integrationTest } from "../support/fixtures";
import { actAs } from "../support/session";
import { draftPayload, failure, seenVersion } from "../support/workflow";

const it = integrationTest();

const paragraph = (text: string, marks?: unknown[]) => ({ type: "paragraph", content: [{ type: "text", text, marks }] });

describe("XSS corpus", () => {
  it.each(HOSTILE_LINKS)("refuses the link %j at save, writing nothing", async (href) => {
    actAs("writer");
    const { id } = await drafts.createArticle();
    const error = await failure(
      drafts.saveArticleDraft(
        draftPayload(id, 1, { body: { type: "doc", content: [paragraph("x", [{ type: "link", attrs: { href } }])] } }),
      ),
    );
    expect(error.status).toBe(400);
  });

  it.each(HOSTILE_IMAGE_SOURCES)("refuses the image source %j", async (src) => {
    actAs("writer");
    const { id } = await drafts.createArticle();
    const error = await failure(
      drafts.saveArticleDraft(draftPayload(id, 1, { body: { type: "doc", content: [{ type: "image", attrs: { src, alt: "x" } }] } })),
    );
    expect(error.status).toBe(400);
  });

  it("refuses event-handler attributes on any node or mark", async () => {
    actAs("writer");
    const { id } = await drafts.createArticle();
    for (const content of [
      [{ type: "paragraph", attrs: { onclick: "alert(1)" }, content: [{ type: "text", text: "x" }] }],
      [paragraph("x", [{ type: "link", attrs: { href: "https://example.org", onmouseover: "alert(1)" } }])],
      [{ type: "image", attrs: { src: "https://example.org/a.png", alt: "x", onerror: "alert(1)" } }],
    ]) {
      expect((await failure(drafts.saveArticleDraft(draftPayload(id, 1, { body: { type: "doc", content } })))).status).toBe(400);
    }
  });

  it("stores hostile text as text and publishes it with nothing executable in the page HTML", async ({ db }) => {
    actAs("admin");
    const { id } = await drafts.createArticle();
    await drafts.saveArticleDraft(
      draftPayload(id, 1, {
        slug: "hostile-text",
        title: '<script>alert("title")</script>',
        summary: '"><img src=x onerror=alert(1)>',
        body: { type: "doc", content: HOSTILE_TEXT.map((text) => paragraph(text)) },
      }),
    );
    await flow.applyTransition("article", {
      articleId: id,
      version: await seenVersion(db, id),
      transition: "force_publish",
      reason: "XSS corpus publication test",
    });
    const page = await reader.getPublishedArticleBySlug({ slug: "hostile-text" });
    expect(page!.title).toBe('<script>alert("title")</script>'); // React escapes it as text on the page
    const html = page!.bodyHtml;
    const tags = [...html.matchAll(/<\/?([a-z0-9]+)([^>]*)>/gi)];
    expect(new Set(tags.map((m) => m[1]!.toLowerCase()))).toEqual(new Set(["p"]));
    expect(tags.filter((m) => m[2]!.trim() !== "")).toEqual([]);
    const shown = html
      .replace(/<[^>]+>/g, "\n")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#x27;|&#39;/g, "'")
      .replace(/&amp;/g, "&");
    for (const text of HOSTILE_TEXT) expect(shown).toContain(text);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOSTILE_IMAGE_SOURCES, HOSTILE_LINKS, HOSTILE_TEXT } from "../fixtures/xss-corpus";
import { actAs } from "../support/session";
import { staffByRole } from "../support/staff";
import { createTempDatabase } from "../support/temp-db";
import { draftPayload, failure, seenVersion } from "../support/workflow";

let t: Awaited<ReturnType<typeof createTempDatabase>>;
let staff: Awaited<ReturnType<typeof staffByRole>>;
let drafts: typeof import("@/server/articles/drafts");
let flow: typeof import("@/server/editorial/transitions");
let reader: typeof import("@/server/public-article");

const paragraph = (text: string, marks?: unknown[]) => ({ type: "paragraph", content: [{ type: "text", text, marks }] });

beforeAll(async () => {
  t = await createTempDatabase({ demo: true });
  process.env.DATABASE_URL = t.url;
  staff = await staffByRole(t.db);
  drafts = await import("@/server/articles/drafts");
  flow = await import("@/server/editorial/transitions");
  reader = await import("@/server/public-article");
});
afterAll(() => t.cleanup());

describe("XSS corpus", () => {
  it.each(HOSTILE_LINKS)("refuses the link %j at save, writing nothing", async (href) => {
    actAs(staff.writer);
    const { id } = await drafts.createArticle();
    const error = await failure(drafts.saveArticleDraft(draftPayload(id, 1, { body: { type: "doc", content: [paragraph("x", [{ type: "link", attrs: { href } }])] } })));
    expect(error.status).toBe(400);
  });

  it.each(HOSTILE_IMAGE_SOURCES)("refuses the image source %j", async (src) => {
    actAs(staff.writer);
    const { id } = await drafts.createArticle();
    const error = await failure(drafts.saveArticleDraft(draftPayload(id, 1, { body: { type: "doc", content: [{ type: "image", attrs: { src, alt: "x" } }] } })));
    expect(error.status).toBe(400);
  });

  it("refuses event-handler attributes on any node or mark", async () => {
    actAs(staff.writer);
    const { id } = await drafts.createArticle();
    for (const content of [
      [{ type: "paragraph", attrs: { onclick: "alert(1)" }, content: [{ type: "text", text: "x" }] }],
      [paragraph("x", [{ type: "link", attrs: { href: "https://example.org", onmouseover: "alert(1)" } }])],
      [{ type: "image", attrs: { src: "https://example.org/a.png", alt: "x", onerror: "alert(1)" } }],
    ]) {
      expect((await failure(drafts.saveArticleDraft(draftPayload(id, 1, { body: { type: "doc", content } })))).status).toBe(400);
    }
  });

  it("stores hostile text as text and publishes it with nothing executable in the page HTML", async () => {
    actAs(staff.admin);
    const { id } = await drafts.createArticle();
    await drafts.saveArticleDraft(
      draftPayload(id, 1, {
        slug: "hostile-text",
        title: '<script>alert("title")</script>',
        summary: '"><img src=x onerror=alert(1)>',
        body: { type: "doc", content: HOSTILE_TEXT.map((text) => paragraph(text)) },
      }),
    );
    await flow.applyTransition("article", { articleId: id, version: await seenVersion(t.db, id), transition: "force_publish", reason: "XSS corpus publication test" });
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

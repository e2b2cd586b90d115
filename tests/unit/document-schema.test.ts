import { describe, expect, it } from "vitest";
import { documentToPlainText, validateArticleDocument } from "@/lib/content/document-schema";

const doc = (...content: unknown[]) => ({ type: "doc", content });
const para = (text: string, marks?: unknown[]) => ({ type: "paragraph", content: [{ type: "text", text, marks }] });

describe("article document schema", () => {
  it("accepts what the editor makes", () => {
    const result = validateArticleDocument(
      doc(
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Heading" }] },
        para("Bold", [{ type: "bold" }]),
        para("Link", [{ type: "link", attrs: { href: "https://www.metro.tokyo.lg.jp/", target: null, rel: null, class: null } }]),
        { type: "bulletList", content: [{ type: "listItem", content: [para("One")] }] },
        { type: "image", attrs: { src: "https://example.org/a.jpg", alt: "The governor", title: null } },
        { type: "horizontalRule" },
      ),
    );
    expect(result.ok).toBe(true);
  });

  it("names an unknown node", () => {
    const result = validateArticleDocument(doc({ type: "iframe", attrs: { src: "https://x" } }));
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('node "iframe"') });
  });

  it("names an unknown mark", () => {
    const result = validateArticleDocument(doc(para("x", [{ type: "textStyle" }])));
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('mark "textStyle"') });
  });

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "\u0001javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/",
  ])("refuses the link %j", (href) => {
    const result = validateArticleDocument(doc(para("x", [{ type: "link", attrs: { href } }])));
    expect(result.ok).toBe(false);
  });

  it("refuses an image without alt text and unexpected attributes", () => {
    expect(validateArticleDocument(doc({ type: "image", attrs: { src: "https://e.org/a.png", alt: " " } })).ok).toBe(false);
    expect(validateArticleDocument(doc({ type: "paragraph", attrs: { onclick: "x" } })).ok).toBe(false);
    expect(validateArticleDocument(doc({ type: "heading", attrs: { level: 1 } })).ok).toBe(false);
  });

  it("extracts plain text", () => {
    expect(documentToPlainText(doc(para("One"), para("Two")) as never)).toBe("One\n\nTwo");
  });
});

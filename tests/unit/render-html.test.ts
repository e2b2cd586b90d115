import { describe, expect, it } from "vitest";
import type { ArticleDocument } from "@/lib/content/document-schema";
import { renderArticleHtml, sanitizeArticleHtml } from "@/lib/content/render-html";

describe("article rendering", () => {
  it("renders the editor's nodes to semantic HTML", () => {
    const doc: ArticleDocument = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Title" }] },
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Bold", marks: [{ type: "bold" }] },
            { type: "text", text: " and " },
            { type: "text", text: "link", marks: [{ type: "link", attrs: { href: "https://example.org/" } }] },
          ],
        },
      ],
    };
    const html = renderArticleHtml(doc);
    expect(html).toContain("<h2>Title</h2>");
    expect(html).toContain("<strong>Bold</strong>");
    expect(html).toContain('<a href="https://example.org/" rel="noopener noreferrer nofollow">link</a>');
  });

  it("escapes markup typed as text", () => {
    const html = renderArticleHtml({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: '<script>alert(1)</script>"><img src=x onerror=alert(1)>' }] }],
    });
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain("&lt;script&gt;");
  });

  it("strips what the renderer must never emit, as a second line of defence", () => {
    const html = sanitizeArticleHtml(
      '<p onclick="x">a</p><a href="javascript:alert(1)">b</a><img src="data:text/html,x" alt="c"><iframe src="https://x"></iframe><script>1</script>',
    );
    expect(html).not.toMatch(/onclick|javascript:|data:|iframe|script/i);
  });
});

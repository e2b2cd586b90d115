import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import sanitizeHtml from "sanitize-html";
import type { ArticleDocument } from "./document-schema";
import { articleExtensions } from "./extensions";

/**
 * The second line of defence after the document schema: whatever the renderer
 * emits, only these tags, attributes and URL schemes reach a reader.
 */
const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "br", "h2", "h3", "h4", "strong", "em", "a", "ul", "ol", "li", "blockquote", "hr",
    "img", "table", "tbody", "thead", "tr", "td", "th", "colgroup", "col",
  ],
  allowedAttributes: {
    a: ["href", "title", "rel"],
    img: ["src", "alt", "title", "width", "height", "loading", "decoding"],
    ol: ["start"],
    td: ["colspan", "rowspan"],
    th: ["colspan", "rowspan"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowProtocolRelative: false,
  transformTags: {
    // External links open in place but must not leak the opener or pass ranking.
    a: (tagName, attribs) => {
      const external = /^(https?:|mailto:)/i.test(attribs.href ?? "");
      return { tagName, attribs: external ? { ...attribs, rel: "noopener noreferrer nofollow" } : attribs };
    },
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: "lazy", decoding: "async" } }),
  },
};

export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}

/** JSON body -> safe HTML, from the same extension list the editor uses. */
export function renderArticleHtml(doc: ArticleDocument): string {
  const html = renderToHTMLString({ content: doc, extensions: articleExtensions });
  return sanitizeArticleHtml(html);
}

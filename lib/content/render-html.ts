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
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "strong",
    "em",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "hr",
    "img",
    "table",
    "tbody",
    "thead",
    "tr",
    "td",
    "th",
    "colgroup",
    "col",
  ],
  allowedAttributes: {
    a: ["href", "title", "rel"],
    img: ["src", "alt", "title", "width", "height", "loading", "decoding", "srcset", "sizes"],
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
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, ...librarySources(attribs), loading: "lazy", decoding: "async" } }),
  },
};

const LIBRARY_IMAGE = /^\/media\/([A-Za-z0-9_-]{22})\/960\.webp$/;

/**
 * A media-library image is inserted as its 960 px WebP with that variant's real
 * width; readers also get the 480 and 1600 px sizes. The 1600 slot is never
 * upscaled, so when the original is between 960 and 1600 px the descriptor
 * overstates it slightly: the browser only fetches a sharper file than needed.
 */
function librarySources(attribs: Record<string, string>): Record<string, string> {
  const key = LIBRARY_IMAGE.exec(attribs.src ?? "")?.[1];
  const width = Number(attribs.width);
  if (!key || !Number.isInteger(width) || width <= 0) return {};
  const base = `/media/${key}`;
  const sources = [
    ...(width > 480 ? [`${base}/480.webp 480w`] : []),
    `${base}/960.webp ${width}w`,
    ...(width >= 960 ? [`${base}/1600.webp 1600w`] : []),
  ];
  return { srcset: sources.join(", "), sizes: `(min-width: 50rem) min(${width}px, 48rem), 100vw` };
}

export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}

/** JSON body -> safe HTML, from the same extension list the editor uses. */
export function renderArticleHtml(doc: ArticleDocument): string {
  const html = renderToHTMLString({ content: doc, extensions: articleExtensions });
  return sanitizeArticleHtml(html);
}

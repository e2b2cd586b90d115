/**
 * Characters XML 1.0 cannot carry at all, not even as &#x…; references: C0
 * controls other than tab, newline and carriage return, lone UTF-16 surrogates
 * and the non-characters U+FFFE/U+FFFF. One of them (a vertical tab pasted
 * from Word) makes a whole feed or sitemap unreadable, so they are removed
 * both where text comes in and, again, wherever text goes into XML.
 */
const XML_FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with every character XML 1.0 forbids removed; everything else is kept as it is. */
export function xmlSafe(text: string): string {
  return text.replace(XML_FORBIDDEN, "");
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text (or an attribute value) for HTML written as a string, such as an e-mail's HTML part. */
export function escapeHtml(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * URL rules shared by the document schema, the editor and the renderer.
 * Browsers ignore ASCII control characters and whitespace inside a scheme
 * ("java\tscript:"), so they are stripped before the scheme is judged.
 */
const LINK_SCHEMES = new Set(["http:", "https:", "mailto:"]);
const IMAGE_SCHEMES = new Set(["http:", "https:"]);

const CONTROL_AND_SPACE = /[\u0000-\u0020\u007f-\u009f]/g;

function isSiteRelative(url: string): boolean {
  // "/news/x" is ours; "//evil.example" is protocol-relative and "/\\evil" is read as it by browsers.
  return url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\");
}

function hasAllowedScheme(url: string, schemes: Set<string>): boolean {
  const compact = url.replace(CONTROL_AND_SPACE, "");
  if (isSiteRelative(compact) || compact.startsWith("#")) return true;
  try {
    return schemes.has(new URL(compact).protocol.toLowerCase());
  } catch {
    return false;
  }
}

export function isSafeLinkUrl(url: string): boolean {
  return url.trim() === url && url.length > 0 && url.length <= 2048 && hasAllowedScheme(url, LINK_SCHEMES);
}

export function isSafeImageUrl(url: string): boolean {
  return url.trim() === url && url.length > 0 && url.length <= 2048 && !url.startsWith("#") && hasAllowedScheme(url, IMAGE_SCHEMES);
}

export const LINK_PROTOCOLS = ["http", "https", "mailto"] as const;

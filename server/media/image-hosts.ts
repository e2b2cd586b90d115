import "server-only";

/**
 * Where body images may come from. An image in a published item is fetched
 * by every reader's browser, so a foreign one is a tracking pixel on a
 * government site: only the media library's own files, plus https hosts an
 * administrator lists in MEDIA_ALLOWED_IMAGE_HOSTS (comma-separated host names).
 */
const LIBRARY_FILE = /^\/media\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+(\.[A-Za-z0-9]+)?$/;
const HOST_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/;

export function allowedImageHosts(): string[] {
  const raw = process.env.MEDIA_ALLOWED_IMAGE_HOSTS ?? "";
  const hosts = raw
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const bad = hosts.find((h) => !HOST_NAME.test(h));
  // A mistyped setting must not silently allow or refuse the wrong thing; it is an operator's error.
  if (bad) throw new Error(`MEDIA_ALLOWED_IMAGE_HOSTS: “${bad}” is not a host name (use e.g. photos.city.example, comma-separated)`);
  return hosts;
}

function isAllowed(src: string, hosts: readonly string[]): boolean {
  if (src.startsWith("/")) return LIBRARY_FILE.test(src);
  try {
    const url = new URL(src);
    return url.protocol === "https:" && hosts.includes(url.host.toLowerCase()) && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** The first image in `doc` from a source readers' browsers must not be sent to, or null. */
export function disallowedImageSource(doc: unknown, hosts: readonly string[] = allowedImageHosts()): string | null {
  const stack: unknown[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop() as { type?: unknown; attrs?: { src?: unknown }; content?: unknown } | null;
    if (!node || typeof node !== "object") continue;
    if (node.type === "image" && !isAllowed(String(node.attrs?.src ?? ""), hosts)) return String(node.attrs?.src ?? "");
    if (Array.isArray(node.content)) stack.push(...node.content);
  }
  return null;
}

export function imageSourceMessage(src: string): string {
  const shown = src.length > 80 ? `${src.slice(0, 77)}…` : src;
  const extra = allowedImageHosts();
  return `The image “${shown}” is not from the media library. Upload it to the media library and insert it from there${extra.length ? `, or use an https image from ${extra.join(", ")}` : ""} (an administrator can allow other hosts with MEDIA_ALLOWED_IMAGE_HOSTS).`;
}

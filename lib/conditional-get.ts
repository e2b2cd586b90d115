import { createHash } from "node:crypto";

/**
 * A generated document (feed, sitemap) as the cache keeps it: the body with its
 * validators, so answering a request needs no database and no re-rendering.
 */
export type CachedDocument = { body: string; etag: string; lastModified: number };

/** Readers and CDNs may keep a copy briefly; publishing invalidates the server copy at once. */
export const PUBLIC_DOCUMENT_CACHE_CONTROL = "public, max-age=60, s-maxage=300, stale-while-revalidate=600";

export const CONTENT_TYPES = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
  xml: "application/xml; charset=utf-8",
} as const;

/** A strong validator from the bytes themselves: equal bodies get equal ETags on every server. */
export function makeCachedDocument(body: string, lastModified: number): CachedDocument {
  const digest = createHash("sha256").update(body).digest("base64url").slice(0, 32);
  // HTTP dates have one-second precision; keep the stored value comparable to what clients send back.
  return { body, etag: `"${digest}"`, lastModified: Math.floor(lastModified / 1000) * 1000 };
}

const opaqueTag = (tag: string) => tag.trim().replace(/^W\//, "");

/**
 * RFC 9110 §13.1.1-2 for GET: If-None-Match (weak comparison) wins; only without it is
 * If-Modified-Since consulted.
 */
export function isNotModified(headers: Pick<Headers, "get">, doc: Pick<CachedDocument, "etag" | "lastModified">): boolean {
  const ifNoneMatch = headers.get("if-none-match");
  if (ifNoneMatch !== null) {
    if (ifNoneMatch.trim() === "*") return true;
    return ifNoneMatch.split(",").some((tag) => opaqueTag(tag) === opaqueTag(doc.etag));
  }
  const ifModifiedSince = headers.get("if-modified-since");
  if (ifModifiedSince === null) return false;
  const since = Date.parse(ifModifiedSince);
  return Number.isFinite(since) && doc.lastModified <= since;
}

/** The status, headers and body that answer a GET for `doc`: 200, or 304 when the client's copy is current. */
export function cachedDocumentAnswer(
  requestHeaders: Pick<Headers, "get">,
  doc: CachedDocument,
  contentType: string,
): { status: 200 | 304; headers: Record<string, string>; body: string | null } {
  const validators = {
    ETag: doc.etag,
    "Last-Modified": new Date(doc.lastModified).toUTCString(),
    "Cache-Control": PUBLIC_DOCUMENT_CACHE_CONTROL,
  };
  if (isNotModified(requestHeaders, doc)) return { status: 304, headers: validators, body: null };
  return { status: 200, headers: { ...validators, "Content-Type": contentType }, body: doc.body };
}

/**
 * Answers a GET for a cached document: 200 with the body, 304 when the client's copy is
 * current, 404 when `load` finds nothing. The request headers are read before `load`
 * runs, which also tells Next (Cache Components) that this handler is request-time.
 */
export async function serveCachedDocument(
  request: Request,
  load: () => Promise<CachedDocument | null>,
  contentType: string,
): Promise<Response> {
  const headers = new Headers(request.headers);
  const doc = await load();
  if (!doc) {
    return new Response("Not found\n", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=60" },
    });
  }
  const answer = cachedDocumentAnswer(headers, doc, contentType);
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

/**
 * What kind of request this is, from its method and headers alone: shared by proxy.ts and the
 * front server's cache answers (server/http/front-answers.ts), which must agree on which
 * requests a stored page may answer.
 */
type HeaderLookup = { has(name: string): boolean };

/**
 * Headers only Next itself sets. A browser never sends them; `x-middleware-subrequest` is how
 * CVE-2025-29927 skipped middleware, and the others steer routing inside the server.
 */
export const INTERNAL_HEADERS = [
  "x-middleware-subrequest",
  "x-middleware-invoke",
  "x-middleware-next",
  "x-middleware-rewrite",
  "x-middleware-redirect",
  "x-middleware-override-headers",
  "x-middleware-set-cookie",
  "x-invoke-path",
  "x-invoke-query",
  "x-invoke-status",
  "x-invoke-error",
  "x-invoke-output",
  "x-now-route-matches",
  "x-matched-path",
] as const;

/** The first of Next's internal headers the request carries, if any. */
export function internalHeaderIn(headers: HeaderLookup): string | undefined {
  return INTERNAL_HEADERS.find((name) => headers.has(name));
}

/** A browser's plain GET of a document: not an RSC fetch, a prefetch or a server action. */
export function isWholeDocumentGet(method: string, headers: HeaderLookup): boolean {
  return (
    method === "GET" &&
    !headers.has("rsc") &&
    !headers.has("next-action") &&
    !headers.has("next-router-state-tree") &&
    !headers.has("next-router-prefetch")
  );
}

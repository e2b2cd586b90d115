import { NextResponse, type NextRequest } from "next/server";
import { refusalFor, type Refusal } from "@/lib/http/request-guard";
import { isMissingPublicPage } from "@/server/public-page-status";

/**
 * Runs for staff-facing pages (/studio, /sign-in, /preview/<token>), for
 * /search (the one public page rendered per request, so it can have the nonce
 * policy of point 3 too) and, on any path, for requests Next would otherwise
 * answer with a bare 500:
 * server-action posts, RSC requests with a router-state header, and paths
 * with broken percent-encoding (lib/http/request-guard.ts says why each).
 *
 * 1. Refuses requests that carry Next's internal headers. A browser never
 *    sends them; `x-middleware-subrequest` is how CVE-2025-29927 skipped
 *    middleware, and the others steer routing inside the server.
 * 2. Optimistic only for /studio: visitors without a session cookie go to the
 *    sign-in page. It is never the security check — server/ verifies the
 *    session, the account and the capability on every read and write.
 * 3. Gives every response a fresh nonce Content-Security-Policy (Next reads
 *    the nonce from the request's CSP header and puts it on the scripts it
 *    renders per request) and `Cache-Control: private, no-store`.
 *
 * Why 'self' and no 'strict-dynamic': with Cache Components these pages are
 * partially prerendered. Their static shell was rendered at build time, so its
 * `<script src>` tags carry no nonce, and 'strict-dynamic' would block them
 * (it makes browsers ignore 'self'). Inline scripts still need this request's
 * nonce, so injected markup cannot run script; the one inline script React
 * puts in every shell is allowed by its hash. An injected `<script src>` could
 * only load a file from this origin that is served as JavaScript (uploads are
 * images, and nosniff stops them running as script).
 */
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

const INTERNAL_HEADERS = [
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
];

/** sha256 of React's `requestAnimationFrame(function(){$RT=performance.now()});`, the inline script in every prerendered shell. */
const REACT_SHELL_SCRIPT_HASH = "'sha256-7mu4H06fwDCjmnxxr/xNHyuQC6pLTHr4M2E4jXw5WZs='";

function studioContentSecurityPolicy(nonce: string, formTargets: string[] = []): string {
  const isDev = process.env.NODE_ENV !== "production";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' ${REACT_SHELL_SCRIPT_HASH}${isDev ? " 'unsafe-eval'" : ""}`,
    // The editor and its toolbar position things with style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    ["form-action 'self'", ...formTargets].join(" "),
    "manifest-src 'self'",
    "worker-src 'self'",
  ].join("; ");
}

/** Single sign-on posts the sign-in form and is then redirected to the identity provider. */
function formTargets(): string[] {
  try {
    return process.env.OIDC_ISSUER ? [new URL(process.env.OIDC_ISSUER).origin] : [];
  } catch {
    return [];
  }
}

function refuse(status: number, code: string, message: string) {
  return NextResponse.json({ error: code, message }, { status, headers: { "Cache-Control": "no-store" } });
}

/** A refusal from lib/http/request-guard.ts: a small HTML page for a bad address, JSON for everything else. */
function respond({ status, code, message, page }: Refusal) {
  if (!page) return refuse(status, code, message);
  return new NextResponse(page, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

export async function proxy(request: NextRequest) {
  const internal = INTERNAL_HEADERS.find((name) => request.headers.has(name));
  if (internal) return refuse(400, "bad_request:request", `The request carries the internal header ${internal}.`);
  const refusal = await refusalFor(request, request.nextUrl.pathname);
  if (refusal) return respond(refusal);

  const path = request.nextUrl.pathname;
  // /search is the one public page rendered per request (and the one that echoes reader input),
  // so it can have the nonce policy too; prerendered pages keep next.config.ts's static one.
  const isSearch = path === "/search";
  if (isItemOrListingPath(path)) return NextResponse.next(await publicPageStatus(request, path));
  if (!isStaffPath(path) && !isSearch) return NextResponse.next();
  const isStudio = path === "/studio" || path.startsWith("/studio/");
  if (isStudio && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const redirect = NextResponse.redirect(signInUrl(request, path));
    redirect.headers.set("Cache-Control", "private, no-store");
    return redirect;
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = studioContentSecurityPolicy(nonce, isSearch ? [] : formTargets());
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  // Search already answers private, no-store itself; a page carrying a nonce must never be shared.
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}

/**
 * The address the browser used, not request.url: Next builds that from the port it listens on
 * (http://localhost:3000 behind nginx) and, with skipProxyUrlNormalize, no longer rewrites a
 * redirect to it into a relative one. Next's action handler trusts the same Host headers.
 */
function signInUrl(request: NextRequest, callbackUrl: string): URL {
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host") || request.nextUrl.host;
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : request.nextUrl.protocol.slice(0, -1);
  let url: URL;
  try {
    url = new URL(`${proto}://${host}/sign-in`);
  } catch {
    url = new URL("/sign-in", request.url); // a Host header that is not a host name
  }
  url.searchParams.set("callbackUrl", callbackUrl);
  return url;
}

/** Public pages whose address can name something that does not exist (an unknown slug, page or month). */
function isItemOrListingPath(path: string): boolean {
  return /^\/(news|category|page|archive)\//.test(path);
}

/** A 404 status for an address that names nothing; the page itself still renders the helpful 404 text. */
async function publicPageStatus(request: NextRequest, path: string): Promise<ResponseInit | undefined> {
  if (request.method !== "GET" && request.method !== "HEAD") return undefined;
  return (await isMissingPublicPage(path)) ? { status: 404 } : undefined;
}

function isStaffPath(path: string): boolean {
  return ["/studio", "/sign-in", "/preview"].some((p) => path === p || path.startsWith(`${p}/`));
}

export const config = {
  matcher: [
    "/studio",
    "/studio/:path*",
    "/sign-in",
    "/sign-in/:path*",
    "/preview/:path*",
    "/search",
    "/news/:path+",
    "/category/:path+",
    "/page/:path+",
    "/archive/:path+",
    // Any path: action posts (fetch or no-JS form), router-state headers, and "%" in the path.
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    // Not /api/: for every POST the proxy runs on, Next hands the route a copy of the body cut at
    // 10 MB (proxyClientMaxBodySize), and uploads are bigger than that.
    { source: "/((?!api/).*)", has: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }] },
    { source: "/:path*", has: [{ type: "header", key: "next-router-state-tree" }] },
    "/(.*%.*)",
  ],
};

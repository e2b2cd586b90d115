import { NextResponse, type NextRequest } from "next/server";
import { flightReplyProblem, type ReplyParts } from "@/lib/http/flight-reply";
import { hasMalformedPercentEncoding } from "@/lib/http/path";
import { routerStateProblem } from "@/lib/http/router-state";
import { bodyLengthProblem, crossOriginProblem } from "@/lib/http/same-origin";

/**
 * Runs for staff-facing pages (/studio, /sign-in, /preview/<token>) and, on
 * any path, for requests Next would otherwise answer with a bare 500:
 * server-action posts, RSC requests with a router-state header, and paths
 * with broken percent-encoding (see `guardRequest`).
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

/** The same limit as experimental.serverActions.bodySizeLimit in next.config.ts. */
const ACTION_BODY_LIMIT = 1024 * 1024;

/**
 * Refusals Next would otherwise turn into a 500 (its action handler answers
 * every error of a fetch action, even its own 413, with status 500). Each
 * runs before Next parses the request, so nothing reaches an action.
 */
async function guardRequest(request: NextRequest): Promise<NextResponse | null> {
  if (hasMalformedPercentEncoding(request.nextUrl.pathname)) return malformedAddress();
  const routerState = request.headers.get("next-router-state-tree");
  const stateProblem = routerState === null ? null : routerStateProblem(routerState);
  if (stateProblem) return refuse(400, "bad_request:request", stateProblem);

  const contentType = request.headers.get("content-type") ?? "";
  const isFetchAction = request.headers.has("next-action");
  // Without JavaScript a form posts multipart to the page itself; API routes are not actions.
  const isFormAction = contentType.startsWith("multipart/form-data") && !request.nextUrl.pathname.startsWith("/api/");
  if (request.method !== "POST" || !(isFetchAction || isFormAction)) return null;

  const crossOrigin = crossOriginProblem(request.headers);
  if (crossOrigin) return refuse(403, "forbidden:request", crossOrigin);
  const length = bodyLengthProblem(request.headers, ACTION_BODY_LIMIT);
  if (length) return refuse(length.status, "bad_request:request", length.message);
  if (!isFetchAction) return null;
  const replyProblem = flightReplyProblem(await replyParts(request, contentType));
  return replyProblem ? refuse(400, "bad_request:request", replyProblem) : null;
}

/** Reads the body (at most the limit, checked above); Next hands the route its own copy. */
async function replyParts(request: NextRequest, contentType: string): Promise<ReplyParts> {
  if (!contentType.startsWith("multipart/form-data")) return new Map([["0", await request.clone().text()]]);
  try {
    const form = await request.clone().formData();
    return new Map([...form].map(([name, value]) => [name, typeof value === "string" ? value : "file"]));
  } catch {
    return new Map();
  }
}

function malformedAddress() {
  const page =
    "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Bad address</title>" +
    "<h1>This address is not valid</h1><p>It contains a “%” escape that cannot be decoded (a “%” must be followed " +
    "by two hexadecimal digits that spell UTF-8), so it cannot name a page. Check the link you followed, or start from the <a href=\"/\">home page</a>.</p></html>";
  return new NextResponse(page, { status: 400, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

export async function proxy(request: NextRequest) {
  const internal = INTERNAL_HEADERS.find((name) => request.headers.has(name));
  if (internal) return refuse(400, "bad_request:request", `The request carries the internal header ${internal}.`);
  const refused = await guardRequest(request);
  if (refused) return refused;

  const path = request.nextUrl.pathname;
  if (!isStaffPath(path)) return NextResponse.next();
  const isStudio = path === "/studio" || path.startsWith("/studio/");
  if (isStudio && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const redirect = NextResponse.redirect(signInUrl(request, path));
    redirect.headers.set("Cache-Control", "private, no-store");
    return redirect;
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = studioContentSecurityPolicy(nonce, formTargets());
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
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
    // Any path: action posts (fetch or no-JS form), router-state headers, and "%" in the path.
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    { source: "/:path*", has: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }] },
    { source: "/:path*", has: [{ type: "header", key: "next-router-state-tree" }] },
    "/(.*%.*)",
  ],
};

import { NextResponse, type NextRequest } from "next/server";

/**
 * Staff-facing pages: /studio, /sign-in and /preview/<token>.
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

export function proxy(request: NextRequest) {
  const internal = INTERNAL_HEADERS.find((name) => request.headers.has(name));
  if (internal) return refuse(400, "bad_request:request", `The request carries the internal header ${internal}.`);

  const path = request.nextUrl.pathname;
  const isStudio = path === "/studio" || path.startsWith("/studio/");
  if (isStudio && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", path);
    const redirect = NextResponse.redirect(signIn);
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

export const config = {
  matcher: ["/studio", "/studio/:path*", "/sign-in", "/sign-in/:path*", "/preview/:path*"],
};

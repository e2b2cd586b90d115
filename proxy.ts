import { NextResponse, type NextRequest } from "next/server";
import { isHtmlPagePath, newNonce, nonceContentSecurityPolicy } from "@/lib/http/content-security-policy";
import { internalHeaderIn, isWholeDocumentGet } from "@/lib/http/request-kinds";
import { refusalFor, type Refusal } from "@/lib/http/request-guard";
import {
  cachedPublicPage,
  fillPublicPage,
  isCacheablePublicPage,
  isPageFill,
  mayRenderToFill,
  PLACEHOLDER_NONCE,
} from "@/server/cache/public-page-cache";
import { overloadedResponse, shouldShedRender } from "@/server/public/load-shedding";
import { isMissingPublicPage } from "@/server/public/page-status";
import { PREVIEW_LINK_HTTP_STATUS, getPreviewLinkStatus } from "@/server/workflow/preview-link-status";
import { LANGUAGE_HEADER } from "@/server/public/page-language";
import { env } from "@/lib/env";
import { splitLanguagePath } from "@/lib/languages";
import { isSubscriptionPath, subscriberLinkPostTarget } from "@/lib/subscription-paths";
import { subscriberLinkStatus } from "@/server/subscriptions/link-status";

/**
 * Runs for every HTML page (public and staff; not for Next's assets, uploads, API routes,
 * feeds, sitemaps, robots.txt or icons) and, on any path, for requests Next would otherwise
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
 * 3. Serves the site's other languages from the same routes: "/ja/news/x" is rewritten to
 *    "/news/x" with the language in the x-koho-language request header (always set here, so a
 *    client's own value never reaches a page), which the pages and <html lang> read.
 * 4. Gives every page a fresh nonce Content-Security-Policy without 'unsafe-inline'
 *    (lib/http/content-security-policy.ts). Next reads the nonce from the request's CSP
 *    header and puts it on every inline script it renders; public pages render per request
 *    from cached reads (README "Caching"), so each response has its own. Staff pages are
 *    also `Cache-Control: private, no-store`; public pages keep Next's (nginx keeps its own
 *    short copy, header and body together: README "Security headers").
 */
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

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
  const internal = internalHeaderIn(request.headers);
  if (internal) return refuse(400, "bad_request:request", `The request carries the internal header ${internal}.`);
  const refusal = await refusalFor(request, request.nextUrl.pathname);
  if (refusal) return respond(refusal);

  const path = request.nextUrl.pathname;
  // The matcher also runs the proxy for action posts and RSC headers on any path; only pages get a nonce.
  if (!isHtmlPagePath(path)) return NextResponse.next();
  const { language, path: routePath } = splitLanguagePath(env().SITE_LANGUAGES, path);
  // "/ja/studio" and the like are no one's address: left as they are, they match no route (404).
  const rewriteTo = routePath !== path && isReaderPagePath(routePath) ? new URL(routePath + request.nextUrl.search, request.url) : null;
  const pageLanguageCode = rewriteTo ? language : (env().SITE_LANGUAGES[0]?.code ?? "en");
  // A POST to a subscriber link's own address (a form, or a mail client's RFC 8058 one-click
  // unsubscribe, which has no cookie, token or Origin) goes to the route handler beside its page.
  const postTarget = request.method === "POST" && !request.headers.has("next-action") ? subscriberLinkPostTarget(routePath) : null;
  if (postTarget) {
    const headers = new Headers(request.headers);
    headers.set(LANGUAGE_HEADER, pageLanguageCode);
    return NextResponse.rewrite(new URL(postTarget, request.url), { request: { headers } });
  }
  const isStaff = isStaffPath(path);
  const isPreviewLink = path.startsWith("/preview/");
  // A public page as rendered, with a fresh nonce: no render, no database (server/cache/public-page-cache.ts).
  // Not under `next dev`, where a page must change as soon as its code does.
  const cacheable =
    process.env.NODE_ENV === "production" &&
    !isStaff &&
    isWholeDocumentGet(request.method, request.headers) &&
    isCacheablePublicPage(path, request.nextUrl.search);
  const filling = cacheable && isPageFill(request.headers);
  const address = path + request.nextUrl.search;
  if (cacheable && !filling) {
    const nonce = newNonce();
    const hit = await cachedPublicPage(address, nonce);
    if (hit) return pageCacheHit(hit, nonce);
  }
  // RSC payloads for client-side navigation and prefetch are not documents, so a policy on them
  // does nothing; the page that fetched them keeps its own nonce policy.
  // An address naming nothing answers 404 (server/public/page-status.ts); the page still renders its help.
  const status = isItemOrListingPath(routePath)
    ? await publicPageStatus(request, rewriteTo ? path : routePath)
    : isPreviewLink
      ? await previewLinkStatus(request, path)
      : isSubscriptionPath(routePath) && (request.method === "GET" || request.method === "HEAD")
        ? await subscriberLinkStatus(routePath)
        : undefined;
  // Past capacity a render would only queue: a fast 503 instead (server/public/load-shedding.ts),
  // also when as many pages as the store allows are rendering already (mayRenderToFill).
  const queueFull = cacheable && !filling && !status && !mayRenderToFill(address);
  if (!isStaff && !filling && (queueFull || shouldShedRender())) {
    if (cacheable && !status && !queueFull) void fillPublicPage(request.nextUrl, address, PLACEHOLDER_NONCE); // so hits return soon
    return overloadedResponse();
  }
  // A miss is answered from the one render that fills the cache (shared by readers missing together).
  if (cacheable && !filling && !status) {
    const nonce = newNonce();
    const filled = await fillPublicPage(request.nextUrl, address, nonce);
    if (filled) return pageCacheHit(filled, nonce);
  }
  if (!isStaff && request.headers.has("rsc")) {
    const languageOnly = new Headers(request.headers);
    languageOnly.set(LANGUAGE_HEADER, pageLanguageCode);
    const init = { request: { headers: languageOnly }, ...status };
    return rewriteTo ? NextResponse.rewrite(rewriteTo, init) : NextResponse.next(init);
  }
  const isStudio = path === "/studio" || path.startsWith("/studio/");
  if (isStudio && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const redirect = NextResponse.redirect(signInUrl(request, path));
    redirect.headers.set("Cache-Control", "private, no-store");
    return redirect;
  }

  const nonce = filling ? PLACEHOLDER_NONCE : newNonce();
  const policy = nonceContentSecurityPolicy(nonce, isStaff ? formTargets() : []);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set(LANGUAGE_HEADER, pageLanguageCode);
  // Preview links render whole too: a streamed page would send its prerendered shell's 200
  // before the proxy's 410 or 404 could apply. They have no server actions to redirect.
  if (!isStaff || isPreviewLink) {
    requestHeaders.set("user-agent", `${request.headers.get("user-agent") ?? ""} ${BLOCKING_RENDER_MARK}`.trim());
  }
  const init = { request: { headers: requestHeaders }, ...status };
  const response = rewriteTo ? NextResponse.rewrite(rewriteTo, init) : NextResponse.next(init);
  response.headers.set("Content-Security-Policy", policy);
  // Staff pages must never be shared. Public pages keep the Cache-Control Next gives a page
  // rendered per request; a cache that keeps one stores this header with the body it matches.
  if (isStaff) response.headers.set("Cache-Control", "private, no-store");
  // The e-mail alert pages are one reader's: an address typed in, a token in the path.
  if (isSubscriptionPath(routePath)) {
    response.headers.set("Cache-Control", "private, no-store");
    response.headers.set("X-Robots-Tag", "noindex, nofollow");
  }
  // A preview link is for one person: search engines must not index it even if it leaks.
  if (isPreviewLink) response.headers.set("X-Robots-Tag", "noindex, nofollow");
  return response;
}

/**
 * The address the browser used, not request.url: Next builds that from the port it listens on
 * (http://localhost:3000 behind nginx) and, with skipProxyUrlNormalize, no longer rewrites a
 * redirect to it into a relative one. Next's action handler trusts the same Host headers.
 */
function signInUrl(request: NextRequest, callbackUrl: string): URL {
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host") || request.nextUrl.host;
  const proto =
    request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : request.nextUrl.protocol.slice(0, -1);
  let url: URL;
  try {
    url = new URL(`${proto}://${host}/sign-in`);
  } catch {
    url = new URL("/sign-in", request.url); // a Host header that is not a host name
  }
  url.searchParams.set("callbackUrl", callbackUrl);
  return url;
}

/** Matched by next.config.ts's htmlLimitedBots: public pages render whole before the first byte. */
const BLOCKING_RENDER_MARK = "koho-blocking-render";

/** The reader pages every language has, as the default language writes their addresses. */
function isReaderPagePath(path: string): boolean {
  return (
    path === "/" || path === "/search" || path === "/archive" || /^\/(news|category|page|archive)\//.test(path) || isSubscriptionPath(path)
  );
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

/**
 * 410 for a revoked or expired preview link, 404 for a token that names none, from one indexed
 * lookup by the token's hash; the page does its own full check and renders the explanation.
 */
async function previewLinkStatus(request: NextRequest, path: string): Promise<ResponseInit | undefined> {
  if (request.method !== "GET" && request.method !== "HEAD") return undefined;
  const parts = path.split("/").filter(Boolean);
  if (parts.length !== 2) return undefined; // not the /preview/[token] page: Next answers 404 itself
  const token = decodeURIComponent(parts[1]!); // malformed escapes were refused above, with 400
  const status = PREVIEW_LINK_HTTP_STATUS[(await getPreviewLinkStatus({ token })).state];
  return status === 200 ? undefined : { status };
}

/** A stored public page with its fresh nonce, under the policy naming that nonce. */
function pageCacheHit(page: { body: string; headers: Headers }, nonce: string) {
  page.headers.set("Content-Security-Policy", nonceContentSecurityPolicy(nonce, []));
  return new NextResponse(page.body, { status: 200, headers: page.headers });
}

function isStaffPath(path: string): boolean {
  return ["/studio", "/sign-in", "/preview"].some((p) => path === p || path.startsWith(`${p}/`));
}

export const config = {
  matcher: [
    // Every HTML page: the exclusions are lib/http/content-security-policy.ts's isHtmlPagePath
    // (a matcher must be a literal, so they are repeated here).
    "/((?!_next/|media/|api/|sitemaps/|.*\\.(?:xml|json|txt|ico)$).*)",
    // Any path: action posts (fetch or no-JS form), router-state headers, and "%" in the path.
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    // Not /api/: for every POST the proxy runs on, Next hands the route a copy of the body cut at
    // 10 MB (proxyClientMaxBodySize), and uploads are bigger than that.
    { source: "/((?!api/).*)", has: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }] },
    { source: "/:path*", has: [{ type: "header", key: "next-router-state-tree" }] },
    "/(.*%.*)",
  ],
};

import "server-only";
import { randomBytes } from "node:crypto";
import { cacheTags } from "@/lib/cache-tags";
import { env } from "@/lib/env";
import { splitLanguagePath } from "@/lib/languages";
import { newNonce, nonceContentSecurityPolicy } from "@/lib/http/content-security-policy";
import { internalHeaderIn, isWholeDocumentGet } from "@/lib/http/request-kinds";
import { withoutClientRuntime } from "@/lib/http/without-client-runtime";
import { answerBeforeNext, canonicalAddress } from "@/server/http/front-answers";
import { createTagCheckedMemo } from "./tag-checked-memo";

/**
 * Whole public pages as rendered, kept in this process so a cache hit costs what serving a
 * static page costs (a profile of `next start` under load showed the per-request React render
 * of cached reads as most of a hit). Asked by proxy.ts before anything else renders.
 *
 * - What is kept: the HTML of a public page (home, an item, a category, its pages, the archive)
 *   that answered 200, without a query string, and search result pages by their query string
 *   (in their own, smaller LRU, so a stream of one-off queries cannot push the pages out). It is
 *   the page any reader gets: public pages read no cookie or header. Unknown addresses answer
 *   404 and are never kept.
 * - Fresh until a tag changes: every read such a page makes is tagged with public:listings,
 *   public:categories, public:recommendations or the item's own tag, so those tags are this
 *   page's tags (./tag-checked-memo.ts: a publish here is visible at once, in another process
 *   after the next poll of cache_tag_expirations).
 * - Filled on a miss by rendering the page through this same server, with a per-process secret
 *   header (forged ones cannot match it) and a placeholder nonce, and answered from that one
 *   render; each answer gets a fresh nonce in its place, so every response has its own CSP nonce.
 *   It is kept without Next's client runtime (lib/http/without-client-runtime.ts): public pages
 *   hydrate nothing, and the scripts were most of their bytes and of a phone's main-thread time.
 * - Bounded: KOHO_PAGE_CACHE_ENTRIES pages (default 500, about 15 MB at 30 KB each) and a fifth
 *   as many search pages, least recently used dropped first; 0 turns it off.
 * - Answered before Next routes the request when the front server runs (`npm start`,
 *   server/http/front-server.mjs): a hit is then written straight to the socket; under plain
 *   `next start` proxy.ts answers it instead.
 */
type StoredPage = { parts: string[]; headers: [string, string][] };

const FILL_HEADER = "x-koho-page-fill";
const fillSecret = randomBytes(24).toString("base64url");
/** Same shape as lib/http's nonces; never sent to a client (each hit replaces it). */
export const PLACEHOLDER_NONCE = randomBytes(27).toString("base64");

const maxEntries = Number(process.env.KOHO_PAGE_CACHE_ENTRIES ?? 500);
const pages = createTagCheckedMemo<StoredPage | null>({ maxEntries, keep: (page) => page !== null });
const searches = createTagCheckedMemo<StoredPage | null>({ maxEntries: Math.ceil(maxEntries / 5), keep: (page) => page !== null });
const MAX_SEARCH_LENGTH = 300;

const ALL_PUBLIC_TAGS = [cacheTags.publicListings, cacheTags.categories, cacheTags.recommendations];
/** Not stored: the hit sets its own policy and length; the rest describe one connection or one moment. */
const NOT_STORED = new Set([
  "content-security-policy",
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "date",
]);

/**
 * Next's routing answers are not part of the page: a /ja page carries `x-middleware-rewrite: /news/x`
 * (proxy.ts's rewrite, relative), which handed back by proxy.ts would be read as a new rewrite
 * and fail Next's URL parsing.
 */
const isStoredHeader = (name: string) => !NOT_STORED.has(name) && !name.startsWith("x-middleware-") && !name.startsWith("x-nextjs-");

/** Addresses whose page is the same for every reader: pages without a query string, and searches. */
export function isCacheablePublicPage(path: string, search: string): boolean {
  if (maxEntries <= 0) return false;
  // "/ja/news/x" is the Japanese page of the same route (proxy.ts rewrites it).
  const route = splitLanguagePath(env().SITE_LANGUAGES, path).path;
  if (route === "/search") return search.length <= MAX_SEARCH_LENGTH;
  if (search !== "") return false;
  return route === "/" || route === "/archive" || /^\/(news|category|page|archive)\/.+$/.test(route);
}

const memoFor = (address: string) =>
  splitLanguagePath(env().SITE_LANGUAGES, address.split("?")[0]!).path === "/search" ? searches : pages;

/** The background render's own request, recognised by the secret. */
export function isPageFill(headers: Pick<Headers, "get">): boolean {
  return headers.get(FILL_HEADER) === fillSecret;
}

function tagsFor(address: string): string[] {
  const slug = /^\/news\/([^/]+)$/.exec(splitLanguagePath(env().SITE_LANGUAGES, address).path)?.[1];
  return slug ? [...ALL_PUBLIC_TAGS, cacheTags.article(decodeURIComponent(slug))] : ALL_PUBLIC_TAGS;
}

/** A stored page with `nonce` in the placeholder's place. */
function withNonce(page: StoredPage, nonce: string): { body: string; headers: Headers } {
  return { body: page.parts.join(nonce), headers: new Headers(page.headers) };
}

/**
 * At most KOHO_MAX_RENDERS pages (default 16) render at once to fill the store. Renders share the
 * process's one thread, so each waits for all the others: a miss past that bound is refused
 * (proxy.ts answers a fast 503 with Retry-After) rather than queued behind them until readers
 * time out. A miss on a page that is already rendering is never refused: it shares that render.
 */
const maxRenders = Math.max(1, Number(process.env.KOHO_MAX_RENDERS ?? 16) || 16);

/** Whether a reader who missed `address` may start (or join) the render that fills it. */
export function mayRenderToFill(address: string): boolean {
  const memo = memoFor(address);
  return memo.filling.has(address) || pages.filling.count() + searches.filling.count() < maxRenders;
}

/** The stored page at `address` (path and query string) with a fresh nonce, or null when there is none. */
export async function cachedPublicPage(address: string, nonce: string): Promise<{ body: string; headers: Headers } | null> {
  const page = await memoFor(address).peek(address);
  return page ? withNonce(page, nonce) : null;
}

/**
 * How this process reaches itself: KOHO_INTERNAL_URL, as the scheduler does (instrumentation.ts),
 * else loopback on the port the request came in on (request.url carries the listening port).
 */
function selfOrigin(requestUrl: URL): string {
  return process.env.KOHO_INTERNAL_URL || `http://127.0.0.1:${requestUrl.port || "80"}`;
}

/**
 * Renders `address` through this server with the placeholder nonce and keeps it if it answered a
 * whole 200 page; returns it with `nonce` in place, or null (not a page to keep, or no cache
 * handler). Readers who miss at the same moment share the one render (tag-checked-memo's
 * fillShared), so a miss costs one render, not one per reader.
 */
export async function fillPublicPage(requestUrl: URL, address: string, nonce: string): Promise<{ body: string; headers: Headers } | null> {
  const page = await memoFor(address).fillShared(address, tagsFor(address), async () => {
    const response = await fetch(new URL(address, selfOrigin(requestUrl)), {
      headers: { [FILL_HEADER]: fillSecret, "user-agent": "koho-page-fill" },
      redirect: "manual",
      signal: AbortSignal.timeout(30_000),
    });
    const body = await response.text();
    const type = response.headers.get("content-type") ?? "";
    if (response.status !== 200 || !type.startsWith("text/html") || response.headers.has("set-cookie")) return null;
    if (!body.includes(PLACEHOLDER_NONCE) || !body.trimEnd().endsWith("</html>")) return null;
    const headers = [...response.headers].filter(([name]) => isStoredHeader(name.toLowerCase()));
    return { parts: withoutClientRuntime(body).split(PLACEHOLDER_NONCE), headers };
  });
  return page ? withNonce(page, nonce) : null;
}

/**
 * The front server's answer for a stored public page: the same page, headers and fresh-nonce
 * policy proxy.ts's hit gives, for exactly the requests proxy.ts would answer from the store.
 */
answerBeforeNext(async (request) => {
  if (process.env.NODE_ENV !== "production") return null;
  if (!isWholeDocumentGet(request.method, request.headers) || internalHeaderIn(request.headers)) return null;
  if (isPageFill(request.headers)) return null; // the fill must render, never be handed the page it replaces
  const address = canonicalAddress(request.url);
  if (!address || !isCacheablePublicPage(address.path, address.search)) return null;
  const key = address.path + address.search;
  const page = await memoFor(key).peek(key);
  if (!page) return null;
  // Straight from the stored pairs (they never hold a policy: NOT_STORED), no Headers round trip.
  const nonce = newNonce();
  const headers: [string, string][] = [...page.headers, ["content-security-policy", nonceContentSecurityPolicy(nonce, [])]];
  return { status: 200, headers, body: page.parts.join(nonce) };
});

import "server-only";
import { env } from "@/lib/env";
import { splitLanguagePath } from "@/lib/languages";
import { cacheTags } from "@/lib/cache-tags";
import { CONTENT_TYPES, cachedDocumentAnswer, type CachedDocument } from "@/lib/conditional-get";
import { hubLinkHeader } from "@/lib/feeds/links";
import { STATIC_CONTENT_SECURITY_POLICY } from "@/lib/http/content-security-policy";
import { internalHeaderIn } from "@/lib/http/request-kinds";
import { STATIC_SECURITY_HEADERS } from "@/lib/http/security-headers";
import { answerBeforeNext, canonicalAddress } from "@/server/http/front-answers";
import { createTagCheckedMemo } from "./tag-checked-memo";

/**
 * Feeds' finished documents kept in this process. Their "use cache" entries are hundreds of kB
 * that Next decoded again on every request (the feed served 0.28× a static page); this keeps the
 * decoded body and its ETag under the tags every feed read carries (./tag-checked-memo.ts).
 * Unknown categories (null) are not kept.
 */
const FEED_TAGS = [cacheTags.publicListings, cacheTags.categories, cacheTags.recommendations];
const documents = createTagCheckedMemo<CachedDocument | null>({ maxEntries: 200, keep: (doc) => doc !== null });

export function memoisedFeed(key: string, load: () => Promise<CachedDocument | null>): Promise<CachedDocument | null> {
  return documents.get(key, FEED_TAGS, load);
}

const FEED_FILES = { "feed.xml": "rss", "atom.xml": "atom", "feed.json": "json" } as const;
type FeedFile = keyof typeof FEED_FILES;

/** The memo key the feed routes (app/feed.xml, app/(site)/category/[slug]/feed.xml, …) store `path` under. */
export function feedKeyFor(address: string): { key: string; format: (typeof FEED_FILES)[FeedFile] } | null {
  // "/ja/feed.xml" is the Japanese site feed: the same keys as server/public/feed-responses.ts ("ja/site:rss").
  const { language, path } = splitLanguagePath(env().SITE_LANGUAGES, address);
  const prefix = path === address ? "" : `${language}/`;
  const site = /^\/(feed\.xml|atom\.xml|feed\.json)$/.exec(path);
  if (site) return { key: `${prefix}site:${FEED_FILES[site[1] as FeedFile]}`, format: FEED_FILES[site[1] as FeedFile] };
  // Slugs are lower-case ASCII (lib/slug.ts); anything else is left to Next's own decoding.
  const category = /^\/category\/([a-z0-9-]+)\/(feed\.xml|atom\.xml|feed\.json)$/.exec(path);
  if (!category) return null;
  const format = FEED_FILES[category[2] as FeedFile];
  return { key: `${prefix}category:${category[1]}:${format}`, format };
}

/** Headers next.config.ts gives every feed, which the feed route's own headers join. */
const FEED_RESPONSE_HEADERS: [string, string][] = [
  ...STATIC_SECURITY_HEADERS.map(({ key, value }): [string, string] => [key, value]),
  ["Content-Security-Policy", STATIC_CONTENT_SECURITY_POLICY],
  // What Next's router adds to a route handler's answer (compression adds Accept-Encoding).
  ["Vary", "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch"],
];

/** Each kept feed's bytes, encoded once: a feed is ~100 kB, and encoding it per request showed in the flood. */
const encoded = new WeakMap<CachedDocument, Buffer>();
function bytesOf(doc: CachedDocument): Buffer {
  let bytes = encoded.get(doc);
  if (!bytes) encoded.set(doc, (bytes = Buffer.from(doc.body)));
  return bytes;
}

/**
 * The front server's answer for a feed already in this memo (server/http/front-answers.ts):
 * the 200 or 304 the feed route would give, for a plain GET of the feed's own address.
 */
answerBeforeNext(async (request) => {
  if (process.env.NODE_ENV !== "production" || request.method !== "GET" || internalHeaderIn(request.headers)) return null;
  const address = canonicalAddress(request.url);
  const feed = address && address.search === "" ? feedKeyFor(address.path) : null;
  if (!feed) return null;
  const doc = await documents.peek(feed.key);
  if (!doc) return null;
  const answer = cachedDocumentAnswer(request.headers, doc, CONTENT_TYPES[feed.format]);
  const body = answer.body === null ? null : bytesOf(doc);
  // The same WebSub Link header the feed route adds (server/public/feed-responses.ts): the address is the feed's own.
  const link = hubLinkHeader(env().WEBSUB_HUB_URL, new URL(address!.path, env().SITE_URL).href);
  const hub: [string, string][] = link ? [["Link", link]] : [];
  return { status: answer.status, headers: [...FEED_RESPONSE_HEADERS, ...Object.entries(answer.headers), ...hub], body };
});

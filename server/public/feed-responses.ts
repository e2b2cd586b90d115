import "server-only";
import { CONTENT_TYPES, serveCachedDocument } from "@/lib/conditional-get";
import { env } from "@/lib/env";
import type { FeedFormat } from "@/lib/feeds/build-feed";
import { absoluteFeedUrls, hubLinkHeader, prefixedFeedLanguage } from "@/lib/feeds/links";
import { memoisedFeed } from "../cache/document-memo";
import { publicRead } from "../public-read";
import { getCategoryFeed, getSiteFeed } from "./feeds";

const notFound = async () => null;

/**
 * The one answer of every feed route (app/feed.xml, app/(site)/category/[slug]/feed.xml,
 * app/[language]/…): the body from the tagged cache, 200/304 by its validators, 404 for an
 * unknown category or language. `languageSegment` is the "/ja" of "/ja/feed.xml": a configured
 * language other than the default, whose feeds are unprefixed ("/en/feed.xml" is 404, as
 * "/en/news/x" is not an address either). Memo keys of the default language are unchanged
 * ("site:rss", "category:<slug>:rss"); another language's are prefixed ("ja/site:rss").
 */
async function feedResponse(
  request: Request,
  { format, slug, languageSegment }: { format: FeedFormat; slug?: string; languageSegment?: string },
): Promise<Response> {
  const type = CONTENT_TYPES[format];
  let language: string | undefined;
  if (languageSegment !== undefined) {
    // Checked before anything is cached or memoised, so junk prefixes create no entries.
    const info = prefixedFeedLanguage(env().SITE_LANGUAGES, languageSegment);
    if (!info) return serveCachedDocument(request, notFound, type);
    language = info.code;
  }
  const prefix = language ? `${language}/` : "";
  if (slug === undefined) {
    const site = await serveCachedDocument(
      request,
      () => memoisedFeed(`${prefix}site:${format}`, () => getSiteFeed({ format, language })),
      type,
    );
    return withHubLink(site, format, undefined, language);
  }
  const category = await serveCachedDocument(
    request,
    () => memoisedFeed(`${prefix}category:${slug}:${format}`, () => getCategoryFeed({ slug, format, language })),
    type,
  );
  return withHubLink(category, format, slug, language);
}

/** With WEBSUB_HUB_URL set, a feed's 200 and 304 carry `Link: <hub>; rel="hub", <self>; rel="self"`, the self the body names. */
function withHubLink(response: Response, format: FeedFormat, slug: string | undefined, language: string | undefined): Response {
  if (response.status === 404) return response;
  const { SITE_URL, SITE_LANGUAGES, WEBSUB_HUB_URL } = env();
  const link = hubLinkHeader(WEBSUB_HUB_URL, absoluteFeedUrls(SITE_URL, slug, language, SITE_LANGUAGES)[format]);
  if (link) response.headers.set("Link", link);
  return response;
}

export const serveFeed = publicRead("feeds are for anyone to subscribe to", feedResponse);

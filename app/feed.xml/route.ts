import { CONTENT_TYPES, serveCachedDocument } from "@/lib/conditional-get";
import { memoisedFeed } from "@/server/cache/document-memo";
import { getSiteFeed } from "@/server/public/feeds";

/** The site-wide feed (rss); the body comes from the tagged cache, so this only answers conditional requests. */
export async function GET(request: Request) {
  return serveCachedDocument(request, () => memoisedFeed("site:rss", () => getSiteFeed({ format: "rss" })), CONTENT_TYPES.rss);
}

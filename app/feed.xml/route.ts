import { serveFeed } from "@/server/public/feed-responses";

/** The default language's site-wide feed (rss); the body comes from the tagged cache, so this only answers conditional requests. */
export async function GET(request: Request) {
  return serveFeed(request, { format: "rss" });
}

import { serveFeed } from "@/server/public/feed-responses";

/** A category's feed (rss) in the default language; unknown categories answer 404. */
export async function GET(request: Request, { params }: RouteContext<"/category/[slug]/feed.xml">) {
  const { slug } = await params;
  return serveFeed(request, { format: "rss", slug });
}

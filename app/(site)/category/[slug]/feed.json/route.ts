import { serveFeed } from "@/server/public/feed-responses";

/** A category's feed (json) in the default language; unknown categories answer 404. */
export async function GET(request: Request, { params }: RouteContext<"/category/[slug]/feed.json">) {
  const { slug } = await params;
  return serveFeed(request, { format: "json", slug });
}

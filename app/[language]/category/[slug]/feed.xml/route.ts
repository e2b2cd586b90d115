import { serveFeed } from "@/server/public/feed-responses";

/** A category's feed (rss) in a language other than the default: /ja/category/<slug>/feed.xml; 404 for an unknown language or category. */
export async function GET(request: Request, { params }: RouteContext<"/[language]/category/[slug]/feed.xml">) {
  const { language, slug } = await params;
  return serveFeed(request, { format: "rss", slug, languageSegment: language });
}

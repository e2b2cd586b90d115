import { serveFeed } from "@/server/public/feed-responses";

/** A category's feed (json) in a language other than the default: /ja/category/<slug>/feed.json; 404 for an unknown language or category. */
export async function GET(request: Request, { params }: RouteContext<"/[language]/category/[slug]/feed.json">) {
  const { language, slug } = await params;
  return serveFeed(request, { format: "json", slug, languageSegment: language });
}

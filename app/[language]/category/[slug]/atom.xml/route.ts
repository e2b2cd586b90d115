import { serveFeed } from "@/server/public/feed-responses";

/** A category's feed (atom) in a language other than the default: /ja/category/<slug>/atom.xml; 404 for an unknown language or category. */
export async function GET(request: Request, { params }: RouteContext<"/[language]/category/[slug]/atom.xml">) {
  const { language, slug } = await params;
  return serveFeed(request, { format: "atom", slug, languageSegment: language });
}

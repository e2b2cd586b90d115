import { serveFeed } from "@/server/public/feed-responses";

/**
 * The site-wide feed (json) of a language other than the default: /ja/feed.json. One dynamic segment
 * serves every configured language (env().SITE_LANGUAGES), so adding one needs no route; any
 * other segment, and the default language's own code, answers 404.
 */
export async function GET(request: Request, { params }: RouteContext<"/[language]/feed.json">) {
  const { language } = await params;
  return serveFeed(request, { format: "json", languageSegment: language });
}

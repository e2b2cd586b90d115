import { CONTENT_TYPES, serveCachedDocument } from "@/lib/conditional-get";
import { getCategoryFeed } from "@/server/public/feeds";

/** A category's feed (json); unknown categories answer 404. */
export async function GET(request: Request, { params }: RouteContext<"/category/[slug]/feed.json">) {
  const { slug } = await params;
  return serveCachedDocument(request, () => getCategoryFeed({ slug, format: "json" }), CONTENT_TYPES.json);
}

import { CONTENT_TYPES, serveCachedDocument } from "@/lib/conditional-get";
import { memoisedFeed } from "@/server/cache/document-memo";
import { getCategoryFeed } from "@/server/public/feeds";

/** A category's feed (rss); unknown categories answer 404. */
export async function GET(request: Request, { params }: RouteContext<"/category/[slug]/feed.xml">) {
  const { slug } = await params;
  return serveCachedDocument(
    request,
    () => memoisedFeed(`category:${slug}:rss`, () => getCategoryFeed({ slug, format: "rss" })),
    CONTENT_TYPES.rss,
  );
}

import { CONTENT_TYPES, serveCachedDocument } from "@/lib/conditional-get";
import { memoisedFeed } from "@/server/cache/document-memo";
import { getCategoryFeed } from "@/server/public/feeds";

/** A category's feed (atom); unknown categories answer 404. */
export async function GET(request: Request, { params }: RouteContext<"/category/[slug]/atom.xml">) {
  const { slug } = await params;
  return serveCachedDocument(
    request,
    () => memoisedFeed(`category:${slug}:atom`, () => getCategoryFeed({ slug, format: "atom" })),
    CONTENT_TYPES.atom,
  );
}

import { CONTENT_TYPES, serveCachedDocument } from "@/lib/conditional-get";
import { getSitemapFile } from "@/server/public/sitemap";

/** The files of a split sitemap: /sitemaps/pages.xml and /sitemaps/articles-<n>.xml. */
export async function GET(request: Request, { params }: RouteContext<"/sitemaps/[file]">) {
  const { file } = await params;
  return serveCachedDocument(request, () => getSitemapFile({ name: file }), CONTENT_TYPES.xml);
}

import { CONTENT_TYPES, serveCachedDocument } from "@/lib/conditional-get";
import { getSitemap } from "@/server/public/sitemap";

/** Every public page with its lastmod; an index of /sitemaps/* files past 50,000 URLs. */
export async function GET(request: Request) {
  return serveCachedDocument(request, () => getSitemap(), CONTENT_TYPES.xml);
}

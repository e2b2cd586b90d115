import { CONTENT_TYPES, serveCachedDocument } from "@/lib/conditional-get";
import { getNewsSitemap } from "@/server/public/news-sitemap";

/** Google News sitemap: what was first published in the last two days. */
export async function GET(request: Request) {
  return serveCachedDocument(request, async () => getNewsSitemap({ now: Date.now() }), CONTENT_TYPES.xml);
}

import { timedGet } from "./app-server";
import { formatKb } from "./stats";

/**
 * The routes the bench loads, each fetched once cold (its first request's time is reported) and
 * five times more to warm it, with the sitemap's first answer and, past 50,000 URLs, its first part.
 */
export async function coldTimings(origin: string, articlePath: string) {
  const cold: { name: string; ms: number; note?: string }[] = [];
  const sitemap = await timedGet(`${origin}/sitemap.xml`);
  cold.push({ name: "sitemap.xml, first (uncached) request", ms: sitemap.ms, note: `${sitemap.status}, ${formatKb(sitemap.body.length)}` });
  if (sitemap.body.toString().includes("<sitemapindex")) {
    const part = await timedGet(`${origin}/sitemaps/articles-1.xml`);
    cold.push({ name: "sitemaps/articles-1.xml, first request", ms: part.ms, note: `${part.status}, ${formatKb(part.body.length)}` });
  }
  const routes = [
    { name: "article", path: articlePath, expectStatus: 200 },
    { name: "feed", path: "/feed.xml", expectStatus: 200 },
    { name: "feed 304", path: "/feed.xml", expectStatus: 304 },
    { name: "home", path: "/", expectStatus: 200 },
    { name: "category", path: "/category/tourism", expectStatus: 200 },
    { name: "search rare", path: "/search?q=quetzalcoatl", expectStatus: 200 },
    { name: "search common", path: "/search?q=governor", expectStatus: 200 },
  ];
  for (const route of routes) {
    const first = await timedGet(origin + route.path);
    cold.push({ name: `${route.name} ${route.path.slice(0, 40)}, first request`, ms: first.ms, note: String(first.status) });
    for (let i = 0; i < 5; i++) await timedGet(origin + route.path);
  }
  return { routes, cold };
}

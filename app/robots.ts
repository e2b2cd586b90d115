import type { MetadataRoute } from "next";
import { env } from "@/lib/env";

/** Crawlers may read the public site; the studio and the API are not for them. */
export default function robots(): MetadataRoute.Robots {
  const { SITE_URL } = env();
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/studio", "/api"] },
    sitemap: [new URL("/sitemap.xml", SITE_URL).href, new URL("/news-sitemap.xml", SITE_URL).href],
  };
}

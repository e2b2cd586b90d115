import { describe, expect, it } from "vitest";
import { robotsFor } from "@/server/public/sitemap";

describe("/robots.txt", () => {
  it("points to both sitemaps and keeps crawlers out of the studio and the API", () => {
    const r = robotsFor("http://localhost:3000");
    expect(r.sitemap).toEqual(["http://localhost:3000/sitemap.xml", "http://localhost:3000/news-sitemap.xml"]);
    expect(r.rules).toEqual({ userAgent: "*", allow: "/", disallow: ["/studio", "/api"] });
  });
});

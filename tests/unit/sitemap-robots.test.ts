import { describe, expect, it } from "vitest";
import robots from "@/app/robots";

describe("/robots.txt", () => {
  it("points to both sitemaps and keeps crawlers out of the studio and the API", () => {
    const r = robots();
    expect(r.sitemap).toEqual(["http://localhost:3000/sitemap.xml", "http://localhost:3000/news-sitemap.xml"]);
    expect(r.rules).toEqual({ userAgent: "*", allow: "/", disallow: ["/studio", "/api"] });
  });
});

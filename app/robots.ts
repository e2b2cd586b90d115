import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { env } from "@/lib/env";
import { robotsFor } from "@/server/public/sitemap";

/** Answered per request, so the sitemap addresses use the run-time SITE_URL, not the build's. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  await connection();
  return robotsFor(env().SITE_URL);
}

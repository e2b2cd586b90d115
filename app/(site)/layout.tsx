import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { SiteShell } from "@/components/site/site-shell";
import { env } from "@/lib/env";
import { feedAlternateTypes } from "@/lib/feeds/links";

/**
 * Public pages render per request from cached reads (see README "Caching"): a build
 * reads no database, and the header, titles and canonical base come from the run-time
 * environment. Without this the layout would be prerendered with build-time SITE_NAME.
 */
export const instant = false;

/** Repeats the root layout's metadata, read at request time so SITE_URL set only at run time is used. */
export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const { SITE_NAME, SITE_URL } = env();
  return {
    metadataBase: new URL(SITE_URL),
    // absolute: the root layout's template must not wrap the site name in itself.
    title: { absolute: SITE_NAME, template: `%s | ${SITE_NAME}` },
    alternates: { types: feedAlternateTypes(SITE_NAME) },
  };
}

export default async function SiteLayout({ children }: { children: ReactNode }) {
  await connection();
  return <SiteShell>{children}</SiteShell>;
}

import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { env, siteName } from "@/lib/env";
import { feedAlternateTypes } from "@/lib/feeds/links";
import { messagesFor } from "@/lib/i18n";
import { pageLanguage } from "@/server/public/page-language";

/**
 * Public pages render per request from cached reads (see README "Caching"): a build
 * reads no database, and the header, titles and canonical base come from the run-time
 * environment. Without this the layout would be prerendered with build-time SITE_NAME.
 */
export const instant = false;

/** Repeats the root layout's metadata, read at request time so SITE_URL set only at run time is used; in the page's language. */
export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const { SITE_URL, SITE_LANGUAGES } = env();
  const language = await pageLanguage();
  const SITE_NAME = siteName(language.code).name;
  return {
    metadataBase: new URL(SITE_URL),
    // absolute: the root layout's template must not wrap the site name in itself.
    title: { absolute: SITE_NAME, template: `%s | ${SITE_NAME}` },
    description: messagesFor(language.code).shell.siteDescription,
    alternates: { types: feedAlternateTypes(SITE_NAME, undefined, language.code, SITE_LANGUAGES) },
  };
}

/**
 * The shell (header, footer, landmarks) is drawn by each page through SitePage
 * (./_components/site-page.tsx), which knows where the header's language switcher leads.
 */
export default async function SiteLayout({ children }: { children: ReactNode }) {
  await connection();
  return children;
}

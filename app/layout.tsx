import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { env } from "@/lib/env";
import { feedAlternateTypes } from "@/lib/feeds/links";
import { pageLanguage } from "@/server/public/page-language";
import "./globals.css";

export function generateMetadata(): Metadata {
  const { SITE_NAME, SITE_URL } = env();
  return {
    metadataBase: new URL(SITE_URL),
    title: { default: SITE_NAME, template: `%s | ${SITE_NAME}` },
    description: "News from the Office of the Governor.",
    // Feed autodiscovery on every page; pages that set their own alternates repeat these.
    alternates: { types: feedAlternateTypes(SITE_NAME) },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b3d6e" };

/**
 * `<html lang>` is the page's language (proxy.ts says which, from the address). Reading the request
 * makes no page dynamic that was not already: every HTML page carries its own nonce policy.
 */
export const instant = false;

export default async function RootLayout({ children }: { children: ReactNode }) {
  const language = await pageLanguage();
  return (
    <html lang={language.code} dir={language.direction}>
      <body>{children}</body>
    </html>
  );
}

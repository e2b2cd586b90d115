import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { env } from "@/lib/env";
import { feedAlternateTypes } from "@/lib/feeds/links";
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

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}

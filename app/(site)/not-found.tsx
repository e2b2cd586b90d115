import type { Metadata } from "next";
import { NotFoundContent } from "@/components/site/not-found-content";

// A 404 status is decided before rendering (proxy.ts), and Next then takes the title from here
// rather than from the page's generateMetadata.
export const metadata: Metadata = { title: "Page not found" };

/** For notFound() inside the public pages, which already sit in the site layout. */
export default function SiteNotFound() {
  return <NotFoundContent />;
}

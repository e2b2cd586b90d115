import type { Metadata } from "next";
import { NotFoundContent } from "@/components/site/not-found-content";
import { SiteShell } from "@/components/site/site-shell";

// Only the root not-found file may set metadata; without it the tab would show just the site name.
export const metadata: Metadata = { title: "Page not found" };

/** For addresses that match no route at all (outside the site layout). */
export default function NotFound() {
  return (
    <SiteShell mainId="not-found-main">
      <NotFoundContent />
    </SiteShell>
  );
}

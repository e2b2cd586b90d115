import type { Metadata } from "next";
import { NotFoundContent } from "@/components/site/not-found-content";
import { messagesFor } from "@/lib/i18n";
import { pageLanguage } from "@/server/public/page-language";
import { SitePage } from "./_components/site-page";

// A 404 status is decided before rendering (proxy.ts), and Next then takes the title from here
// rather than from the page's generateMetadata: in the page's language, as the rest of it.
export async function generateMetadata(): Promise<Metadata> {
  return { title: messagesFor((await pageLanguage()).code).notFound.title };
}

/**
 * For notFound() inside the public pages. The pages draw their own shell (./_components/site-page.tsx),
 * and this boundary replaces the whole page, so it draws one too.
 */
export default async function SiteNotFound() {
  return (
    <SitePage language={await pageLanguage()}>
      <NotFoundContent />
    </SitePage>
  );
}

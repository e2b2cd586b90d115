import type { Metadata } from "next";
import { connection } from "next/server";
import { messagesFor } from "@/lib/i18n";
import { pageLanguage } from "@/server/public/page-language";
import { everyLanguageMetadata } from "../_components/page-metadata";
import { SearchResults } from "./_components/search-results";
import { SitePage } from "../_components/site-page";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const language = await pageLanguage();
  const m = messagesFor(language.code).search;
  return {
    ...everyLanguageMetadata({ language, path: "/search", title: m.title, description: m.description }),
    // Result pages are endless variations of the same items: kept out of search engines.
    robots: { index: false, follow: true },
  };
}

/**
 * Results depend on the query string, so this page cannot have a prerendered shell. It
 * renders whole on the server instead of streaming into a <Suspense> fallback: a reader
 * without JavaScript (or a crawler, or a screen reader on a slow phone) gets the form,
 * the results and every message in the HTML itself. The price is that a navigation here
 * waits for the search, which is what `instant = false` declares.
 */
export const instant = false;

export default async function SearchPage({ searchParams }: PageProps<"/search">) {
  // Per request, as every reader page (README "Caching"): without it `next dev` validates the
  // page as a prerender and reports the search memo's clock read as an error.
  await connection();
  const language = await pageLanguage();
  return (
    <SitePage language={language} path="/search">
      <h1>{messagesFor(language.code).search.heading}</h1>
      <SearchResults params={await searchParams} language={language} />
    </SitePage>
  );
}

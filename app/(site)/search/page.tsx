import type { Metadata } from "next";
import { connection } from "next/server";
import { SearchResults } from "./_components/search-results";

export const metadata: Metadata = {
  title: "Search",
  description: "Search the news from the Office of the Governor.",
  // Result pages are endless variations of the same items: kept out of search engines.
  robots: { index: false, follow: true },
};

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
  return (
    <>
      <h1>Search the news</h1>
      <SearchResults params={await searchParams} />
    </>
  );
}

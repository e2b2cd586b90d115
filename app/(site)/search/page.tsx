import type { Metadata } from "next";
import { Suspense } from "react";
import { SearchResults } from "./_components/search-results";

export const metadata: Metadata = {
  title: "Search",
  description: "Search the news from the Office of the Governor.",
  // Result pages are endless variations of the same items: kept out of search engines.
  robots: { index: false, follow: true },
};

/**
 * The one public page that reads the database per request. The heading is static; the
 * query string is awaited inside <Suspense>, as Cache Components requires.
 */
export default function SearchPage({ searchParams }: PageProps<"/search">) {
  return (
    <>
      <h1>Search the news</h1>
      <Suspense fallback={<p className="search-status">Searching…</p>}>
        <SearchResults searchParams={searchParams} />
      </Suspense>
    </>
  );
}

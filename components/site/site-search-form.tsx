import { MAX_QUERY_LENGTH } from "@/lib/search-query";

/** The header search box: a plain GET form to /search that works without JavaScript. */
export function SiteSearchForm() {
  return (
    <form className="site-search" action="/search" method="get" role="search" aria-label="Site search">
      <label htmlFor="site-search-q">Search news</label>
      <input id="site-search-q" name="q" type="search" maxLength={MAX_QUERY_LENGTH} autoComplete="off" />
      <button type="submit">Search</button>
    </form>
  );
}

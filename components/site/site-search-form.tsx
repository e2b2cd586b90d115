import { MAX_QUERY_LENGTH } from "@/lib/search-query";

/**
 * A small search box: a plain GET form to /search that works without JavaScript. The header
 * has one; the 404 page has a second, so each needs its own id and name.
 */
export function SiteSearchForm({ id = "site-search", label = "Site search" }: { id?: string; label?: string }) {
  return (
    <form className="site-search" action="/search" method="get" role="search" aria-label={label}>
      <label htmlFor={`${id}-q`}>Search news</label>
      <input id={`${id}-q`} name="q" type="search" maxLength={MAX_QUERY_LENGTH} autoComplete="off" />
      <button type="submit">Search</button>
    </form>
  );
}

import { MAX_QUERY_LENGTH } from "@/lib/search-query";
import type { SearchParams } from "@/lib/search-params";
import type { PublicCategory } from "@/server/public/dto";

/** The full search form, filled in with the current search. A plain GET form: no JavaScript needed. */
export function SearchForm({ values, categories }: { values: SearchParams; categories: PublicCategory[] }) {
  return (
    <form className="search-form" action="/search" method="get" role="search" aria-label="Search the news">
      <div className="search-field search-field--query">
        <label htmlFor="search-q">Words to search for</label>
        <input id="search-q" name="q" type="search" defaultValue={values.q} maxLength={MAX_QUERY_LENGTH} />
      </div>
      <fieldset className="search-filters">
        <legend>Narrow the results (optional)</legend>
        <div className="search-field">
          <label htmlFor="search-category">Category</label>
          <select id="search-category" name="category" defaultValue={values.category}>
            <option value="">All categories</option>
            {categories.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="search-field">
          <label htmlFor="search-from">Dated from</label>
          <input id="search-from" name="from" type="date" defaultValue={values.from} aria-describedby="search-date-hint" />
        </div>
        <div className="search-field">
          <label htmlFor="search-to">Dated to</label>
          <input id="search-to" name="to" type="date" defaultValue={values.to} aria-describedby="search-date-hint" />
        </div>
        <p id="search-date-hint" className="search-hint">
          Dates are written YYYY-MM-DD, for example 2026-02-05.
        </p>
      </fieldset>
      <button type="submit">Search</button>
    </form>
  );
}

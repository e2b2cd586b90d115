import { DateText } from "@/components/site/date-text";
import { HighlightedText } from "@/components/site/highlighted-text";
import { parseSearchParams, searchHref, type SearchParams } from "@/lib/search-params";
import { toFtsQuery } from "@/lib/search-query";
import { listCategories } from "@/server/public/news";
import { SEARCH_PAGE_SIZE, searchPublishedArticles, type SearchResultPage } from "@/server/public/search";
import { SearchForm } from "./search-form";
import { NoResults, SearchMessage } from "./search-messages";

type RawSearchParams = Record<string, string | string[] | undefined>;

/** Reads and validates the query string, then shows the form and what the search found. */
export async function SearchResults({ params }: { params: RawSearchParams }) {
  const { values, errors } = parseSearchParams(params);
  const categories = await listCategories();
  if (values.category && !categories.some((c) => c.slug === values.category)) {
    errors.push("That category does not exist. Choose one from the list, or “All categories”.");
    values.category = "";
  }
  const form = <SearchForm values={values} categories={categories} />;

  if (errors.length > 0) {
    return (
      <>
        {form}
        <SearchMessage title="There is a problem with your search" tone="error" items={errors} />
      </>
    );
  }
  if (values.q.trim() === "") {
    const filtered = Boolean(values.category || values.from || values.to);
    return (
      <>
        {form}
        <p className="search-status">
          {filtered
            ? "Enter one or more words to search for within these filters."
            : "Search the titles, summaries and full text of every published news item."}
        </p>
      </>
    );
  }
  const query = toFtsQuery(values.q);
  if (!query.ok) {
    return (
      <>
        {form}
        <SearchMessage title="We could not search for that" tone="error" items={[query.message]} />
      </>
    );
  }

  const result = await searchPublishedArticles({
    match: query.match,
    category: values.category || undefined,
    from: values.from || undefined,
    to: values.to || undefined,
    page: values.page,
  });
  return (
    <>
      {form}
      {result.total === 0 ? (
        <NoResults values={values} />
      ) : values.page > result.totalPages ? (
        <SearchMessage
          title={`There is no page ${values.page} of these results`}
          tone="info"
          items={[`The results end at page ${result.totalPages}.`]}
          link={{ href: searchHref({ ...values, page: 1 }), text: "Go to the first page of results" }}
        />
      ) : (
        <ResultList result={result} values={values} />
      )}
    </>
  );
}

function ResultList({ result, values }: { result: SearchResultPage; values: SearchParams }) {
  const noun = result.total === 1 ? "result" : "results";
  return (
    <section className="search-results" aria-labelledby="search-results-heading">
      <h2 id="search-results-heading">
        {result.total} {noun} for “{values.q.trim()}”
      </h2>
      <ol className="article-list" start={(result.page - 1) * SEARCH_PAGE_SIZE + 1}>
        {result.items.map((item) => (
          <li key={item.slug}>
            <article className="article-card search-hit">
              <p className="category-label">
                <a href={`/category/${item.category.slug}`}>{item.category.name}</a>
              </p>
              <h3 className="article-card-title">
                <a href={`/news/${item.slug}`}>
                  <HighlightedText segments={item.titleHighlighted} />
                </a>
              </h3>
              <p className="article-card-date">
                <DateText date={item.datelineDate} />
              </p>
              <p className="search-excerpt">
                <HighlightedText segments={item.excerpt} />
              </p>
            </article>
          </li>
        ))}
      </ol>
      {result.totalPages > 1 && (
        <nav className="pagination" aria-label="Search result pages">
          {result.page > 1 ? (
            <a href={searchHref({ ...values, page: result.page - 1 })} rel="prev">
              ← Previous results
            </a>
          ) : (
            <span />
          )}
          <span aria-current="page">
            Page {result.page} of {result.totalPages}
          </span>
          {result.page < result.totalPages ? (
            <a href={searchHref({ ...values, page: result.page + 1 })} rel="next">
              More results →
            </a>
          ) : (
            <span />
          )}
        </nav>
      )}
    </section>
  );
}

import { DateText } from "@/components/site/date-text";
import { HighlightedText } from "@/components/site/highlighted-text";
import { env } from "@/lib/env";
import { messagesFor, type Messages } from "@/lib/i18n";
import { queryProblemMessage, searchParamErrors } from "@/lib/i18n/search-errors";
import { localizedPath, type LanguageInfo } from "@/lib/languages";
import { parseSearchParams, searchHref, type SearchParams } from "@/lib/search-params";
import { toFtsQuery } from "@/lib/search-query";
import { listCategories } from "@/server/public/news";
import { SEARCH_PAGE_SIZE, searchPublishedArticles, type SearchResultPage } from "@/server/public/search";
import { SearchForm } from "./search-form";
import { NoResults, SearchMessage } from "./search-messages";

type RawSearchParams = Record<string, string | string[] | undefined>;

/** Reads and validates the query string, then shows the form and what the search found, in the page's language. */
export async function SearchResults({ params, language }: { params: RawSearchParams; language: LanguageInfo }) {
  const messages = messagesFor(language.code);
  const m = messages.search;
  const { values } = parseSearchParams(params);
  const errors = searchParamErrors(params, values, messages);
  const categories = await listCategories({ language: language.code });
  if (values.category && !categories.some((c) => c.slug === values.category)) {
    errors.push(m.errors.category);
    values.category = "";
  }
  const form = <SearchForm values={values} categories={categories} language={language} />;
  const href = (path: string) => localizedPath(env().SITE_LANGUAGES, language.code, path);

  if (errors.length > 0) {
    return (
      <>
        {form}
        <SearchMessage title={m.problemTitle} tone="error" items={errors} />
      </>
    );
  }
  if (values.q.trim() === "") {
    const filtered = Boolean(values.category || values.from || values.to);
    return (
      <>
        {form}
        <p className="search-status">{filtered ? m.enterWordsFiltered : m.intro}</p>
      </>
    );
  }
  const query = toFtsQuery(values.q);
  if (!query.ok) {
    return (
      <>
        {form}
        <SearchMessage title={m.cannotSearchTitle} tone="error" items={[queryProblemMessage(values.q, query, messages)]} />
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
        <NoResults values={values} language={language} />
      ) : values.page > result.totalPages ? (
        <SearchMessage
          title={m.noSuchPageTitle(values.page)}
          tone="info"
          items={[m.resultsEndAt(result.totalPages)]}
          link={{ href: href(searchHref({ ...values, page: 1 })), text: m.firstPageLink }}
        />
      ) : (
        <ResultList result={result} values={values} language={language} messages={messages} />
      )}
    </>
  );
}

function ResultList({
  result,
  values,
  language,
  messages,
}: {
  result: SearchResultPage;
  values: SearchParams;
  language: LanguageInfo;
  messages: Messages;
}) {
  const m = messages.search;
  const languages = env().SITE_LANGUAGES;
  const href = (path: string) => localizedPath(languages, language.code, path);
  return (
    <section className="search-results" aria-labelledby="search-results-heading">
      <h2 id="search-results-heading">{m.resultsHeading(result.total, values.q.trim())}</h2>
      <ol className="article-list" start={(result.page - 1) * SEARCH_PAGE_SIZE + 1}>
        {result.items.map((item) => {
          // A hit in another language links to its own language's page, and its words say which language they are in.
          const other = item.language !== language.code ? item.language : undefined;
          return (
            <li key={item.slug}>
              <article className="article-card search-hit">
                <p className="category-label" lang={other}>
                  <a href={localizedPath(languages, item.language, `/category/${item.category.slug}`)} hrefLang={other}>
                    {item.category.name}
                  </a>
                </p>
                <h3 className="article-card-title" lang={other}>
                  <a href={localizedPath(languages, item.language, `/news/${item.slug}`)} hrefLang={other}>
                    <HighlightedText segments={item.titleHighlighted} />
                  </a>
                </h3>
                <p className="article-card-date">
                  <DateText date={item.datelineDate} language={language} />
                </p>
                <p className="search-excerpt" lang={other}>
                  <HighlightedText segments={item.excerpt} />
                </p>
              </article>
            </li>
          );
        })}
      </ol>
      {result.totalPages > 1 && (
        <nav className="pagination" aria-label={m.resultPagesNav}>
          {result.page > 1 ? (
            <a href={href(searchHref({ ...values, page: result.page - 1 }))} rel="prev">
              {m.previousResults}
            </a>
          ) : (
            <span />
          )}
          <span aria-current="page">{messages.pagination.pageOf(result.page, result.totalPages)}</span>
          {result.page < result.totalPages ? (
            <a href={href(searchHref({ ...values, page: result.page + 1 }))} rel="next">
              {m.moreResults}
            </a>
          ) : (
            <span />
          )}
        </nav>
      )}
    </section>
  );
}

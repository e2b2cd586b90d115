import { ArticleList } from "@/components/site/article-list";
import { PageNotFound } from "@/components/site/not-found-content";
import { PaginationNav } from "@/components/site/pagination-nav";
import { env } from "@/lib/env";
import { messagesFor } from "@/lib/i18n";
import { localizedPath, type LanguageInfo } from "@/lib/languages";
import { listPublishedArticles } from "@/server/public/news";

/** The home page and its /page/N continuations: the news in the page's language. */
export async function LatestNews({ page, language }: { page: number; language: LanguageInfo }) {
  const read = (p: number) => listPublishedArticles({ page: p, language: language.code });
  // Bounds from page 1 (always cached) first, so /page/<junk> stores nothing of its own.
  if (page > 1 && page > (await read(1)).totalPages) return <PageNotFound />;
  const result = await read(page);
  if (page > result.totalPages) return <PageNotFound />;
  const m = messagesFor(language.code).listing;
  return (
    <>
      <h1>{page === 1 ? m.latestHeading : m.latestPagedHeading(page)}</h1>
      {result.total === 0 ? <p>{m.nothingYet}</p> : <ArticleList items={result.items} language={language} />}
      <PaginationNav
        basePath={localizedPath(env().SITE_LANGUAGES, language.code, "/")}
        page={page}
        totalPages={result.totalPages}
        language={language}
      />
    </>
  );
}

import { ArticleList } from "@/components/site/article-list";
import { PageNotFound } from "@/components/site/not-found-content";
import { PaginationNav } from "@/components/site/pagination-nav";
import { listPublishedArticles } from "@/server/public/news";

/** The home page and its /page/N continuations. */
export async function LatestNews({ page }: { page: number }) {
  // Bounds from page 1 (always cached) first, so /page/<junk> stores nothing of its own.
  if (page > 1 && page > (await listPublishedArticles({ page: 1 })).totalPages) return <PageNotFound />;
  const result = await listPublishedArticles({ page });
  if (page > result.totalPages) return <PageNotFound />;
  return (
    <>
      <h1>{page === 1 ? "Latest news" : `Latest news — page ${page}`}</h1>
      {result.total === 0 ? <p>No news has been published yet.</p> : <ArticleList items={result.items} />}
      <PaginationNav basePath="/" page={page} totalPages={result.totalPages} />
    </>
  );
}

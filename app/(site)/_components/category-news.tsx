import { ArticleList } from "@/components/site/article-list";
import { PageNotFound } from "@/components/site/not-found-content";
import { PaginationNav } from "@/components/site/pagination-nav";
import { getCategoryBySlug, listPublishedArticlesByCategory } from "@/server/public/news";

/** A category's listing, page 1 at /category/<slug>, the rest at /category/<slug>/page/N. */
export async function CategoryNews({ slug, page }: { slug: string; page: number }) {
  const category = await getCategoryBySlug({ slug });
  if (!category) return <PageNotFound />;
  // Bounds from page 1 first, so /category/<slug>/page/<junk> stores nothing of its own.
  if (page > 1 && page > (await listPublishedArticlesByCategory({ categoryId: category.id, page: 1 })).totalPages) return <PageNotFound />;
  const result = await listPublishedArticlesByCategory({ categoryId: category.id, page });
  if (page > result.totalPages) return <PageNotFound />;
  const basePath = `/category/${category.slug}`;
  return (
    <>
      <p className="category-label">Category</p>
      <h1>{page === 1 ? category.name : `${category.name} — page ${page}`}</h1>
      {category.description && <p className="lede">{category.description}</p>}
      {result.total === 0 ? (
        <p>Nothing has been published in {category.name} yet.</p>
      ) : (
        <ArticleList items={result.items} showCategory={false} />
      )}
      <PaginationNav basePath={basePath} page={page} totalPages={result.totalPages} />
    </>
  );
}

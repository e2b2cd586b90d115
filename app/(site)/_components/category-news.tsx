import { ArticleList } from "@/components/site/article-list";
import { PageNotFound } from "@/components/site/not-found-content";
import { PaginationNav } from "@/components/site/pagination-nav";
import { env } from "@/lib/env";
import { messagesFor } from "@/lib/i18n";
import { localizedPath, type LanguageInfo } from "@/lib/languages";
import { getCategoryBySlug, listPublishedArticlesByCategory } from "@/server/public/news";

/** A category's listing in the page's language, page 1 at /category/<slug>, the rest at /category/<slug>/page/N. */
export async function CategoryNews({ slug, page, language }: { slug: string; page: number; language: LanguageInfo }) {
  const category = await getCategoryBySlug({ slug, language: language.code });
  if (!category) return <PageNotFound />;
  const read = (p: number) => listPublishedArticlesByCategory({ categoryId: category.id, page: p, language: language.code });
  // Bounds from page 1 first, so /category/<slug>/page/<junk> stores nothing of its own.
  if (page > 1 && page > (await read(1)).totalPages) return <PageNotFound />;
  const result = await read(page);
  if (page > result.totalPages) return <PageNotFound />;
  const m = messagesFor(language.code).listing;
  return (
    <>
      <p className="category-label">{m.categoryLabel}</p>
      <h1>{page === 1 ? category.name : m.categoryPagedHeading(category.name, page)}</h1>
      {category.description && <p className="lede">{category.description}</p>}
      {result.total === 0 ? (
        <p>{m.categoryEmpty(category.name)}</p>
      ) : (
        <ArticleList items={result.items} language={language} showCategory={false} />
      )}
      <PaginationNav
        basePath={localizedPath(env().SITE_LANGUAGES, language.code, `/category/${category.slug}`)}
        page={page}
        totalPages={result.totalPages}
        language={language}
      />
    </>
  );
}

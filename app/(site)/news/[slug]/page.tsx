import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleView } from "@/components/site/article-view";
import { getPublishedArticleBySlug, getRecommendationsForArticle } from "@/server/public-article";
import { listPublishedArticles } from "@/server/public-news";

/** The newest items are prerendered at build; any other published slug is rendered once and cached. */
export async function generateStaticParams() {
  const { items } = await listPublishedArticles({ page: 1 });
  return items.length > 0 ? items.map((i) => ({ slug: i.slug })) : [{ slug: "no-news-yet" }];
}

export async function generateMetadata({ params }: PageProps<"/news/[slug]">): Promise<Metadata> {
  const article = await getPublishedArticleBySlug({ slug: (await params).slug });
  if (!article) return { title: "Page not found" };
  return {
    title: article.title,
    description: article.summary,
    alternates: { canonical: `/news/${article.slug}` },
  };
}

export default async function NewsArticlePage({ params }: PageProps<"/news/[slug]">) {
  const article = await getPublishedArticleBySlug({ slug: (await params).slug });
  if (!article) notFound();
  const recommended = await getRecommendationsForArticle({
    articleId: article.id,
    categorySlug: article.category.slug,
  });
  return <ArticleView article={article} recommended={recommended} />;
}

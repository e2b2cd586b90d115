import { connection } from "next/server";
import type { Metadata } from "next";
import { ArticleView } from "@/components/site/article-view";
import { JsonLd } from "@/components/site/json-ld";
import { PageNotFound } from "@/components/site/not-found-content";
import { env } from "@/lib/env";
import { feedAlternateTypes } from "@/lib/feeds/links";
import { newsArticleJsonLd } from "@/lib/structured-data";
import { getPublishedArticleBySlug } from "@/server/public/article";
import type { PublicArticle } from "@/server/public/dto";

const canonicalUrl = (article: PublicArticle) => new URL(`/news/${article.slug}`, env().SITE_URL).href;

/** The sharing image: the hero's widest variant, else the first body image, as an absolute URL. */
function shareImage(article: PublicArticle) {
  const { SITE_URL } = env();
  const { hero } = article;
  if (hero) return { url: new URL(hero.largest.url, SITE_URL).href, width: hero.largest.width, height: hero.largest.height, alt: hero.alt };
  return article.imageUrl ? { url: new URL(article.imageUrl, SITE_URL).href } : null;
}

/** Rendered per request from cached reads, never at build: see README "Caching". */
export const instant = false;

export async function generateMetadata({ params }: PageProps<"/news/[slug]">): Promise<Metadata> {
  await connection();
  const article = await getPublishedArticleBySlug({ slug: (await params).slug });
  if (!article) return { title: "Page not found" };
  const { SITE_NAME } = env();
  const url = canonicalUrl(article);
  const image = shareImage(article);
  return {
    title: article.title,
    description: article.summary,
    // Setting alternates replaces the layout's, so the feed links are repeated here.
    alternates: { canonical: url, types: feedAlternateTypes(SITE_NAME) },
    openGraph: {
      type: "article",
      url,
      title: article.title,
      description: article.summary,
      siteName: SITE_NAME,
      locale: "en_US",
      publishedTime: article.firstPublishedAt,
      modifiedTime: article.updatedAt,
      section: article.category.name,
      tags: article.tags,
      images: image ? [image] : undefined,
    },
    twitter: {
      card: image ? "summary_large_image" : "summary",
      title: article.title,
      description: article.summary,
      images: image ? [image.url] : undefined,
    },
  };
}

export default async function NewsArticlePage({ params }: PageProps<"/news/[slug]">) {
  await connection();
  const article = await getPublishedArticleBySlug({ slug: (await params).slug });
  if (!article) return <PageNotFound />;
  const { SITE_URL, PRESS_OFFICE_NAME } = env();
  return (
    <>
      <JsonLd
        data={newsArticleJsonLd({
          url: canonicalUrl(article),
          headline: article.title,
          description: article.summary,
          datePublished: article.firstPublishedAt,
          dateModified: article.updatedAt,
          section: article.category.name,
          keywords: article.tags,
          imageUrl: shareImage(article)?.url ?? null,
          organization: { name: PRESS_OFFICE_NAME, url: new URL("/", SITE_URL).href },
        })}
      />
      <ArticleView article={article} />
    </>
  );
}

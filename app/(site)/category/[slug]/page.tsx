import { connection } from "next/server";
import type { Metadata } from "next";
import { messagesFor } from "@/lib/i18n";
import { getCategoryBySlug } from "@/server/public/news";
import { pageLanguage } from "@/server/public/page-language";
import { CategoryNews } from "../../_components/category-news";
import { everyLanguageMetadata } from "../../_components/page-metadata";
import { SitePage } from "../../_components/site-page";

/** Rendered per request from cached reads, never at build: see README "Caching". */
export const instant = false;

export async function generateMetadata({ params }: PageProps<"/category/[slug]">): Promise<Metadata> {
  await connection();
  const language = await pageLanguage();
  const category = await getCategoryBySlug({ slug: (await params).slug, language: language.code });
  if (!category) return { title: messagesFor(language.code).notFound.title };
  // The category's own feeds first, then the site-wide ones, in this language.
  return everyLanguageMetadata({
    language,
    path: `/category/${category.slug}`,
    title: category.name,
    description: category.description,
    category,
  });
}

export default async function CategoryPage({ params }: PageProps<"/category/[slug]">) {
  await connection();
  const language = await pageLanguage();
  const { slug } = await params;
  return (
    <SitePage language={language} path={`/category/${slug}`}>
      <CategoryNews slug={slug} page={1} language={language} />
    </SitePage>
  );
}

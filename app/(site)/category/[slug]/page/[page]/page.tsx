import { connection } from "next/server";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { env } from "@/lib/env";
import { messagesFor } from "@/lib/i18n";
import { localizedPath } from "@/lib/languages";
import { parsePageParam } from "@/lib/pagination";
import { getCategoryBySlug } from "@/server/public/news";
import { pageLanguage } from "@/server/public/page-language";
import { CategoryNews } from "../../../../_components/category-news";
import { everyLanguageMetadata } from "../../../../_components/page-metadata";
import { NotFoundPage } from "../../../../_components/not-found-page";
import { SitePage } from "../../../../_components/site-page";

/** Rendered per request from cached reads, never at build: see README "Caching". */
export const instant = false;

export async function generateMetadata({ params }: PageProps<"/category/[slug]/page/[page]">): Promise<Metadata> {
  await connection();
  const language = await pageLanguage();
  const { slug, page: raw } = await params;
  const page = parsePageParam(raw);
  const category = await getCategoryBySlug({ slug, language: language.code });
  const m = messagesFor(language.code);
  if (!category || page === null) return { title: m.notFound.title };
  return everyLanguageMetadata({
    language,
    path: `/category/${category.slug}/page/${page}`,
    title: m.listing.categoryPagedHeading(category.name, page),
    category,
  });
}

export default async function CategoryPagedPage({ params }: PageProps<"/category/[slug]/page/[page]">) {
  await connection();
  const language = await pageLanguage();
  const { slug, page: raw } = await params;
  const page = parsePageParam(raw);
  if (page === null) return <NotFoundPage language={language} />;
  if (page === 1) redirect(localizedPath(env().SITE_LANGUAGES, language.code, `/category/${slug}`));
  return (
    <SitePage language={language} path={`/category/${slug}`}>
      <CategoryNews slug={slug} page={page} language={language} />
    </SitePage>
  );
}

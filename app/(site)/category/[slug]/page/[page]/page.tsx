import { connection } from "next/server";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageNotFound } from "@/components/site/not-found-content";
import { parsePageParam } from "@/lib/pagination";
import { getCategoryBySlug } from "@/server/public/news";
import { CategoryNews } from "../../../../_components/category-news";

/** Rendered per request from cached reads, never at build: see README "Caching". */
export const instant = false;

export async function generateMetadata({ params }: PageProps<"/category/[slug]/page/[page]">): Promise<Metadata> {
  await connection();
  const { slug, page } = await params;
  const category = await getCategoryBySlug({ slug });
  return { title: category ? `${category.name} — page ${page}` : "Page not found" };
}

export default async function CategoryPagedPage({ params }: PageProps<"/category/[slug]/page/[page]">) {
  await connection();
  const { slug, page: raw } = await params;
  const page = parsePageParam(raw);
  if (page === null) return <PageNotFound />;
  if (page === 1) redirect(`/category/${slug}`);
  return <CategoryNews slug={slug} page={page} />;
}

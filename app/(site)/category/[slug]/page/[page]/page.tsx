import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageNotFound } from "@/components/site/not-found-content";
import { parsePageParam } from "@/lib/pagination";
import { getCategoryBySlug } from "@/server/public-news";
import { CategoryNews } from "../../../../_components/category-news";

export function generateStaticParams() {
  return [{ slug: "government", page: "2" }];
}

export async function generateMetadata({ params }: PageProps<"/category/[slug]/page/[page]">): Promise<Metadata> {
  const { slug, page } = await params;
  const category = await getCategoryBySlug({ slug });
  return { title: category ? `${category.name} — page ${page}` : "Page not found" };
}

export default async function CategoryPagedPage({ params }: PageProps<"/category/[slug]/page/[page]">) {
  const { slug, page: raw } = await params;
  const page = parsePageParam(raw);
  if (page === null) return <PageNotFound />;
  if (page === 1) redirect(`/category/${slug}`);
  return <CategoryNews slug={slug} page={page} />;
}

import type { Metadata } from "next";
import { getCategoryBySlug, listCategories } from "@/server/public-news";
import { CategoryNews } from "../../_components/category-news";

export async function generateStaticParams() {
  const categories = await listCategories();
  return categories.length > 0 ? categories.map((c) => ({ slug: c.slug })) : [{ slug: "government" }];
}

export async function generateMetadata({ params }: PageProps<"/category/[slug]">): Promise<Metadata> {
  const category = await getCategoryBySlug({ slug: (await params).slug });
  return category
    ? { title: category.name, description: category.description, alternates: { canonical: `/category/${category.slug}` } }
    : { title: "Page not found" };
}

export default async function CategoryPage({ params }: PageProps<"/category/[slug]">) {
  return <CategoryNews slug={(await params).slug} page={1} />;
}

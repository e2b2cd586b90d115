import type { Metadata } from "next";
import { env } from "@/lib/env";
import { feedAlternateTypes } from "@/lib/feeds/links";
import { getCategoryBySlug, listCategories } from "@/server/public-news";
import { CategoryNews } from "../../_components/category-news";

export async function generateStaticParams() {
  const categories = await listCategories();
  return categories.length > 0 ? categories.map((c) => ({ slug: c.slug })) : [{ slug: "government" }];
}

export async function generateMetadata({ params }: PageProps<"/category/[slug]">): Promise<Metadata> {
  const category = await getCategoryBySlug({ slug: (await params).slug });
  return category
    ? {
        title: category.name,
        description: category.description,
        // The category's own feeds first, then the site-wide ones (alternates replace the layout's).
        alternates: { canonical: `/category/${category.slug}`, types: feedAlternateTypes(env().SITE_NAME, category) },
      }
    : { title: "Page not found" };
}

export default async function CategoryPage({ params }: PageProps<"/category/[slug]">) {
  return <CategoryNews slug={(await params).slug} page={1} />;
}

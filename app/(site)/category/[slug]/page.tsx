import { connection } from "next/server";
import type { Metadata } from "next";
import { env } from "@/lib/env";
import { feedAlternateTypes } from "@/lib/feeds/links";
import { getCategoryBySlug } from "@/server/public/news";
import { CategoryNews } from "../../_components/category-news";

/** Rendered per request from cached reads, never at build: see README "Caching". */
export const instant = false;

export async function generateMetadata({ params }: PageProps<"/category/[slug]">): Promise<Metadata> {
  await connection();
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
  await connection();
  return <CategoryNews slug={(await params).slug} page={1} />;
}

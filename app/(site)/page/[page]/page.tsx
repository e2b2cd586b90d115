import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageNotFound } from "@/components/site/not-found-content";
import { parsePageParam } from "@/lib/pagination";
import { LatestNews } from "../../_components/latest-news";

export function generateStaticParams() {
  return [{ page: "2" }];
}

export async function generateMetadata({ params }: PageProps<"/page/[page]">): Promise<Metadata> {
  const { page } = await params;
  return { title: `Latest news — page ${page}` };
}

export default async function LatestNewsPage({ params }: PageProps<"/page/[page]">) {
  const page = parsePageParam((await params).page);
  if (page === null) return <PageNotFound />;
  if (page === 1) redirect("/");
  return <LatestNews page={page} />;
}

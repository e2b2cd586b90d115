import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
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
  if (page === null) notFound();
  if (page === 1) redirect("/");
  return <LatestNews page={page} />;
}

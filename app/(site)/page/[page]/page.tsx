import { connection } from "next/server";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageNotFound } from "@/components/site/not-found-content";
import { parsePageParam } from "@/lib/pagination";
import { LatestNews } from "../../_components/latest-news";

/** Rendered per request from cached reads, never at build: see README "Caching". */
export const instant = false;

export async function generateMetadata({ params }: PageProps<"/page/[page]">): Promise<Metadata> {
  await connection();
  const { page } = await params;
  return { title: `Latest news — page ${page}` };
}

export default async function LatestNewsPage({ params }: PageProps<"/page/[page]">) {
  await connection();
  const page = parsePageParam((await params).page);
  if (page === null) return <PageNotFound />;
  if (page === 1) redirect("/");
  return <LatestNews page={page} />;
}

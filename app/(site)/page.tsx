import type { Metadata } from "next";
import { connection } from "next/server";
import { pageLanguage } from "@/server/public/page-language";
import { everyLanguageMetadata } from "./_components/page-metadata";
import { LatestNews } from "./_components/latest-news";
import { SitePage } from "./_components/site-page";

/** Rendered per request from cached reads, never at build: see README "Caching". */
export const instant = false;

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  return everyLanguageMetadata({ language: await pageLanguage(), path: "/" });
}

export default async function HomePage() {
  await connection();
  const language = await pageLanguage();
  return (
    <SitePage language={language} path="/">
      <LatestNews page={1} language={language} />
    </SitePage>
  );
}

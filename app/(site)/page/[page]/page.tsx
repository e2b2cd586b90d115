import { connection } from "next/server";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { env } from "@/lib/env";
import { messagesFor } from "@/lib/i18n";
import { localizedPath } from "@/lib/languages";
import { parsePageParam } from "@/lib/pagination";
import { pageLanguage } from "@/server/public/page-language";
import { LatestNews } from "../../_components/latest-news";
import { everyLanguageMetadata } from "../../_components/page-metadata";
import { NotFoundPage } from "../../_components/not-found-page";
import { SitePage } from "../../_components/site-page";

/** Rendered per request from cached reads, never at build: see README "Caching". */
export const instant = false;

export async function generateMetadata({ params }: PageProps<"/page/[page]">): Promise<Metadata> {
  await connection();
  const language = await pageLanguage();
  const page = parsePageParam((await params).page);
  if (page === null) return { title: messagesFor(language.code).notFound.title };
  return everyLanguageMetadata({ language, path: `/page/${page}`, title: messagesFor(language.code).listing.latestPagedHeading(page) });
}

export default async function LatestNewsPage({ params }: PageProps<"/page/[page]">) {
  await connection();
  const language = await pageLanguage();
  const page = parsePageParam((await params).page);
  if (page === null) return <NotFoundPage language={language} />;
  if (page === 1) redirect(localizedPath(env().SITE_LANGUAGES, language.code, "/"));
  // The other languages' news has pages of its own: the switcher leads to their first.
  return (
    <SitePage language={language} path="/">
      <LatestNews page={page} language={language} />
    </SitePage>
  );
}

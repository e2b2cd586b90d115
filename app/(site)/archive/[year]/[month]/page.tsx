import { connection } from "next/server";
import type { Metadata } from "next";
import { ArticleList } from "@/components/site/article-list";
import { archiveMonthPath, monthKey, parseArchiveParams } from "@/lib/archive";
import { formatMonth } from "@/lib/dates";
import { env } from "@/lib/env";
import { messagesFor } from "@/lib/i18n";
import { localizedPath } from "@/lib/languages";
import { listArchiveArticles, listArchiveMonths } from "@/server/public/archive";
import { pageLanguage } from "@/server/public/page-language";
import { NotFoundPage } from "../../../_components/not-found-page";
import { everyLanguageMetadata } from "../../../_components/page-metadata";
import { SitePage } from "../../../_components/site-page";

/** Rendered per request from cached reads, never at build: see README "Caching". */
export const instant = false;

export async function generateMetadata({ params }: PageProps<"/archive/[year]/[month]">): Promise<Metadata> {
  await connection();
  const language = await pageLanguage();
  const m = messagesFor(language.code);
  const month = parseArchiveParams(await params);
  if (!month) return { title: m.notFound.title };
  const label = formatMonth(month, language);
  return everyLanguageMetadata({
    language,
    path: archiveMonthPath(month),
    title: m.archive.monthTitle(label),
    description: m.archive.monthDescription(label),
  });
}

/** What was first published in one Tokyo month, in the page's language; months outside 01–12 or without news are 404s. */
export default async function ArchiveMonthPage({ params }: PageProps<"/archive/[year]/[month]">) {
  await connection();
  const language = await pageLanguage();
  const month = parseArchiveParams(await params);
  if (!month) return <NotFoundPage language={language} />;
  // The month list is one cached entry: a month without news is a 404 before anything is stored for it.
  const months = await listArchiveMonths({ language: language.code });
  if (!months.some((m) => monthKey(m) === monthKey(month))) return <NotFoundPage language={language} />;
  const items = await listArchiveArticles({ ...month, language: language.code });
  if (items.length === 0) return <NotFoundPage language={language} />;
  const m = messagesFor(language.code).archive;
  const href = (path: string) => localizedPath(env().SITE_LANGUAGES, language.code, path);
  const label = (x: { year: number; month: number }) => formatMonth(x, language);
  // Months are listed newest first: the next index is the older month.
  const at = months.findIndex((x) => monthKey(x) === monthKey(month));
  const newer = at > 0 ? months[at - 1] : undefined;
  const older = at >= 0 ? months[at + 1] : undefined;
  // The same month in another language may have no news: the switcher leads to that archive's index.
  return (
    <SitePage language={language} path="/archive">
      <p className="category-label">
        <a href={href("/archive")}>{m.title}</a>
      </p>
      <h1>{label(month)}</h1>
      <p className="lede">{m.monthLede(items.length, label(month))}</p>
      <ArticleList items={items} language={language} />
      <nav className="pagination" aria-label={m.monthsNav}>
        {newer ? (
          <a href={href(archiveMonthPath(newer))} rel="next">
            ← {label(newer)}
          </a>
        ) : (
          <span />
        )}
        <a href={href("/archive")}>{m.allMonths}</a>
        {older ? (
          <a href={href(archiveMonthPath(older))} rel="prev">
            {label(older)} →
          </a>
        ) : (
          <span />
        )}
      </nav>
    </SitePage>
  );
}

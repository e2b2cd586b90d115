import { connection } from "next/server";
import type { Metadata } from "next";
import { archiveMonthPath } from "@/lib/archive";
import { formatMonth } from "@/lib/dates";
import { env } from "@/lib/env";
import { messagesFor } from "@/lib/i18n";
import { localizedPath } from "@/lib/languages";
import { listArchiveMonths, type ArchiveMonthSummary } from "@/server/public/archive";
import { pageLanguage } from "@/server/public/page-language";
import { everyLanguageMetadata } from "../_components/page-metadata";
import { SitePage } from "../_components/site-page";

/** Rendered per request from cached reads, never at build: see README "Caching". */
export const instant = false;

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const language = await pageLanguage();
  const m = messagesFor(language.code).archive;
  return everyLanguageMetadata({ language, path: "/archive", title: m.title, description: m.description });
}

/** Months with news in the page's language, grouped by year, newest first. */
export default async function ArchiveIndexPage() {
  await connection();
  const language = await pageLanguage();
  const m = messagesFor(language.code).archive;
  const months = await listArchiveMonths({ language: language.code });
  const years = new Map<number, ArchiveMonthSummary[]>();
  for (const month of months) years.set(month.year, [...(years.get(month.year) ?? []), month]);
  return (
    <SitePage language={language} path="/archive">
      <h1>{m.title}</h1>
      <p className="lede">{m.lede}</p>
      {months.length === 0 ? (
        <p>{messagesFor(language.code).listing.nothingYet}</p>
      ) : (
        [...years].map(([year, list]) => (
          <section key={year} className="archive-year" aria-labelledby={`archive-${year}`}>
            <h2 id={`archive-${year}`}>{m.year(year)}</h2>
            <ul className="archive-months">
              {list.map((month) => (
                <li key={month.month}>
                  <a href={localizedPath(env().SITE_LANGUAGES, language.code, archiveMonthPath(month))}>{formatMonth(month, language)}</a>{" "}
                  <span className="archive-count">({m.itemCount(month.count)})</span>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </SitePage>
  );
}

import { connection } from "next/server";
import type { Metadata } from "next";
import { ArticleList } from "@/components/site/article-list";
import { PageNotFound } from "@/components/site/not-found-content";
import { archiveMonthPath, monthKey, monthLabel, parseArchiveParams } from "@/lib/archive";
import { listArchiveArticles, listArchiveMonths } from "@/server/public/archive";

/** Rendered per request from cached reads, never at build: see README "Caching". */
export const instant = false;

export async function generateMetadata({ params }: PageProps<"/archive/[year]/[month]">): Promise<Metadata> {
  await connection();
  const month = parseArchiveParams(await params);
  if (!month) return { title: "Page not found" };
  return { title: `Archive: ${monthLabel(month)}`, description: `News first published in ${monthLabel(month)}.` };
}

/** What was first published in one Tokyo month; months outside 01–12 or without news are 404s. */
export default async function ArchiveMonthPage({ params }: PageProps<"/archive/[year]/[month]">) {
  await connection();
  const month = parseArchiveParams(await params);
  if (!month) return <PageNotFound />;
  // The month list is one cached entry: a month without news is a 404 before anything is stored for it.
  const months = await listArchiveMonths();
  if (!months.some((m) => monthKey(m) === monthKey(month))) return <PageNotFound />;
  const items = await listArchiveArticles(month);
  if (items.length === 0) return <PageNotFound />;
  // Months are listed newest first: the next index is the older month.
  const at = months.findIndex((m) => monthKey(m) === monthKey(month));
  const newer = at > 0 ? months[at - 1] : undefined;
  const older = at >= 0 ? months[at + 1] : undefined;
  return (
    <>
      <p className="category-label">
        <a href="/archive">Archive</a>
      </p>
      <h1>{monthLabel(month)}</h1>
      <p className="lede">
        {items.length === 1 ? "1 item" : `${items.length} items`} first published in {monthLabel(month)}.
      </p>
      <ArticleList items={items} />
      <nav className="pagination" aria-label="Months">
        {newer ? (
          <a href={archiveMonthPath(newer)} rel="next">
            ← {monthLabel(newer)}
          </a>
        ) : (
          <span />
        )}
        <a href="/archive">All months</a>
        {older ? (
          <a href={archiveMonthPath(older)} rel="prev">
            {monthLabel(older)} →
          </a>
        ) : (
          <span />
        )}
      </nav>
    </>
  );
}

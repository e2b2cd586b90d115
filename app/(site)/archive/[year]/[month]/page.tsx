import type { Metadata } from "next";
import Link from "next/link";
import { ArticleList } from "@/components/site/article-list";
import { PageNotFound } from "@/components/site/not-found-content";
import { archiveMonthPath, monthKey, monthLabel, parseArchiveParams } from "@/lib/archive";
import { listArchiveArticles, listArchiveMonths } from "@/server/archive";

/** Months with news are prerendered at build; others are rendered once when asked for and cached. */
export async function generateStaticParams() {
  const months = await listArchiveMonths();
  const params = months.map((m) => ({ year: String(m.year), month: String(m.month).padStart(2, "0") }));
  return params.length > 0 ? params : [{ year: "2026", month: "01" }];
}

export async function generateMetadata({ params }: PageProps<"/archive/[year]/[month]">): Promise<Metadata> {
  const month = parseArchiveParams(await params);
  if (!month) return { title: "Page not found" };
  return { title: `Archive: ${monthLabel(month)}`, description: `News first published in ${monthLabel(month)}.` };
}

/** What was first published in one Tokyo month; months outside 01–12 or without news are 404s. */
export default async function ArchiveMonthPage({ params }: PageProps<"/archive/[year]/[month]">) {
  const month = parseArchiveParams(await params);
  if (!month) return <PageNotFound />;
  const [items, months] = await Promise.all([listArchiveArticles(month), listArchiveMonths()]);
  if (items.length === 0) return <PageNotFound />;
  // Months are listed newest first: the next index is the older month.
  const at = months.findIndex((m) => monthKey(m) === monthKey(month));
  const newer = at > 0 ? months[at - 1] : undefined;
  const older = at >= 0 ? months[at + 1] : undefined;
  return (
    <>
      <p className="category-label">
        <Link href="/archive">Archive</Link>
      </p>
      <h1>{monthLabel(month)}</h1>
      <p className="lede">
        {items.length === 1 ? "1 item" : `${items.length} items`} first published in {monthLabel(month)}.
      </p>
      <ArticleList items={items} />
      <nav className="pagination" aria-label="Months">
        {newer ? (
          <Link href={archiveMonthPath(newer)} rel="next">
            ← {monthLabel(newer)}
          </Link>
        ) : (
          <span />
        )}
        <Link href="/archive">All months</Link>
        {older ? (
          <Link href={archiveMonthPath(older)} rel="prev">
            {monthLabel(older)} →
          </Link>
        ) : (
          <span />
        )}
      </nav>
    </>
  );
}

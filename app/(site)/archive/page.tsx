import { connection } from "next/server";
import type { Metadata } from "next";
import { archiveMonthPath, monthLabel } from "@/lib/archive";
import { listArchiveMonths, type ArchiveMonthSummary } from "@/server/public/archive";

/** Rendered per request from cached reads, never at build: see README "Caching". */
export const instant = false;

export const metadata: Metadata = {
  title: "Archive",
  description: "Every news item from the Office of the Governor, month by month.",
};

const itemCount = (n: number) => (n === 1 ? "1 item" : `${n} items`);

/** Months with news, grouped by year, newest first. */
export default async function ArchiveIndexPage() {
  await connection();
  const months = await listArchiveMonths();
  const years = new Map<number, ArchiveMonthSummary[]>();
  for (const m of months) years.set(m.year, [...(years.get(m.year) ?? []), m]);
  return (
    <>
      <h1>Archive</h1>
      <p className="lede">Every news item, by the month it was first published (Tokyo time).</p>
      {months.length === 0 ? (
        <p>No news has been published yet.</p>
      ) : (
        [...years].map(([year, list]) => (
          <section key={year} className="archive-year" aria-labelledby={`archive-${year}`}>
            <h2 id={`archive-${year}`}>{year}</h2>
            <ul className="archive-months">
              {list.map((m) => (
                <li key={m.month}>
                  <a href={archiveMonthPath(m)}>{monthLabel(m)}</a> <span className="archive-count">({itemCount(m.count)})</span>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </>
  );
}

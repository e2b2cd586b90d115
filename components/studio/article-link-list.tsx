import Link from "next/link";
import { formatTokyoDateTime } from "@/lib/dates";
import type { StudioArticleRow } from "@/server/articles/studio-dto";
import { StateBadge } from "./state-badge";

/** A dashboard panel: a short list of items, or a sentence saying there are none. */
export function ArticleLinkList({
  rows,
  empty,
  showSchedule = false,
}: {
  rows: StudioArticleRow[];
  empty: string;
  showSchedule?: boolean;
}) {
  if (rows.length === 0) return <p>{empty}</p>;
  return (
    <ul>
      {rows.map((row) => (
        <li key={row.id}>
          <Link href={`/studio/articles/${row.id}`}>{row.title}</Link> <StateBadge state={row.state} />
          {showSchedule && row.scheduledFor && <div>Goes live {formatTokyoDateTime(row.scheduledFor)}</div>}
          {row.scheduleError && <div className="field-error">Could not go live: {row.scheduleError}</div>}
        </li>
      ))}
    </ul>
  );
}

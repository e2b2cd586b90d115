import Link from "next/link";
import { formatTokyoDateTime } from "@/lib/dates";
import type { StudioArticleRow } from "@/server/articles/studio-dto";
import { LanguageBadge, OutOfDateBadge } from "./out-of-date-badge";
import { StateBadge } from "./state-badge";

/** A dashboard panel: a short list of items, or a sentence saying there are none. */
export function ArticleLinkList({
  rows,
  empty,
  showSchedule = false,
  showLanguage = false,
}: {
  rows: StudioArticleRow[];
  empty: string;
  showSchedule?: boolean;
  /** Name each item's language and whether it is out of date (the translations panel). */
  showLanguage?: boolean;
}) {
  if (rows.length === 0) return <p>{empty}</p>;
  return (
    <ul>
      {rows.map((row) => (
        <li key={row.id}>
          {showLanguage && (
            <>
              <LanguageBadge code={row.language} name={row.languageName} />{" "}
            </>
          )}
          <Link href={`/studio/articles/${row.id}`} lang={row.language}>
            {row.title}
          </Link>{" "}
          <StateBadge state={row.state} />
          {showLanguage && row.outOfDateSince && (
            <>
              {" "}
              <OutOfDateBadge since={row.outOfDateSince} />
            </>
          )}
          {showSchedule && row.scheduledFor && <div>Goes live {formatTokyoDateTime(row.scheduledFor)}</div>}
          {row.scheduleError && <div className="field-error">Could not go live: {row.scheduleError}</div>}
        </li>
      ))}
    </ul>
  );
}

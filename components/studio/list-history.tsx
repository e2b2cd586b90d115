import { StateBadge } from "@/components/studio/state-badge";
import { formatTokyoDateTime, formatTokyoDateTimeSeconds } from "@/lib/dates";
import type { ListEditionSummary } from "@/server/lists/history";

/** An edit or a publication, to the second: two edits in the same minute still read differently. */
function At({ instant }: { instant: string }) {
  return <time dateTime={instant}>{formatTokyoDateTimeSeconds(instant)}</time>;
}

/** Revision history of a list: every edition with who did what and when. */
export function ListHistory({ editions }: { editions: ListEditionSummary[] }) {
  return (
    <section aria-labelledby="list-history-heading">
      <h2 id="list-history-heading">History</h2>
      <table className="data-table">
        <caption className="visually-hidden">Editions of this list, newest first (Tokyo time)</caption>
        <thead>
          <tr>
            <th scope="col">Edition</th>
            <th scope="col">State</th>
            <th scope="col">Items</th>
            <th scope="col">Edited</th>
            <th scope="col">Approved by</th>
            <th scope="col">Published</th>
          </tr>
        </thead>
        <tbody>
          {editions.map((e) => (
            <tr key={e.number}>
              <td>{e.number}</td>
              <td>
                <StateBadge state={e.state} />
              </td>
              <td>{e.items}</td>
              <td>
                {e.lastEditedBy ?? "—"}, <At instant={e.updatedAt} />
              </td>
              <td>{e.reviewedBy ?? "—"}</td>
              <td>
                {e.publishedAt ? (
                  <>
                    {e.publishedBy ?? "—"}, <At instant={e.publishedAt} />
                  </>
                ) : e.scheduledFor ? (
                  <>
                    Scheduled for <time dateTime={e.scheduledFor}>{formatTokyoDateTime(e.scheduledFor)}</time>
                  </>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

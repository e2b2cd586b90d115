import { formatTokyoDateTime } from "@/lib/dates";
import type { RevisionSummary } from "@/server/workflow/revisions";

/** Every save, newest first. "Restore…" only opens the confirmation step; nothing changes yet. */
export function RevisionTable({
  revisions,
  canRestore,
  restoreHref,
}: {
  revisions: RevisionSummary[];
  canRestore: boolean;
  restoreHref: (revisionId: number) => string;
}) {
  return (
    <table className="data-table revision-table">
      <caption className="visually-hidden">Saves of this item, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Saved (Tokyo time)</th>
          <th scope="col">By</th>
          <th scope="col">Edition</th>
          <th scope="col">Version</th>
          <th scope="col">Title at the time</th>
          {canRestore && (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {revisions.map((r, index) => (
          <tr key={r.id}>
            <td>
              <time dateTime={r.savedAt}>{formatTokyoDateTime(r.savedAt)}</time>
            </td>
            <td>{r.savedBy ?? "Unknown"}</td>
            <td>{r.editionNumber}</td>
            <td>{r.articleVersion}</td>
            <td>{r.title}</td>
            {canRestore && (
              <td className="actions">
                {index === 0 ? (
                  <span className="hint">Current</span>
                ) : (
                  <a href={restoreHref(r.id)}>
                    Restore<span className="visually-hidden"> version {r.articleVersion}</span>…
                  </a>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { DiffLegend, DiffView } from "@/components/studio/diff-view";
import { formatTokyoDateTime } from "@/lib/dates";
import { diffRevisions, type RevisionSummary } from "@/server/workflow/revisions";

export function revisionLabel(r: RevisionSummary): string {
  return `Version ${r.articleVersion} (edition ${r.editionNumber}) · ${formatTokyoDateTime(r.savedAt)} · ${r.savedBy ?? "Unknown"}`;
}

/** A plain GET form (works without JavaScript) choosing two saves, and their word diff. */
export async function CompareRevisions({
  articleId,
  revisions,
  fromId,
  toId,
}: {
  articleId: number;
  revisions: RevisionSummary[];
  fromId: number;
  toId: number;
}) {
  const diff = await diffRevisions({ articleId, fromId, toId });
  return (
    <section className="history-section" aria-labelledby="compare-heading">
      <h2 id="compare-heading">Compare two saves</h2>
      <form method="get" className="compare-form">
        <div className="field">
          <label htmlFor="compare-from">From (older)</label>
          <select id="compare-from" name="from" defaultValue={fromId}>
            {revisions.map((r) => (
              <option key={r.id} value={r.id}>
                {revisionLabel(r)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="compare-to">To (newer)</label>
          <select id="compare-to" name="to" defaultValue={toId}>
            {revisions.map((r) => (
              <option key={r.id} value={r.id}>
                {revisionLabel(r)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Show differences
        </button>
      </form>
      <div className="diff-result">
        <p>
          Changes from <strong>{revisionLabel(diff.from)}</strong> to <strong>{revisionLabel(diff.to)}</strong>.
          {!diff.changed && " The title, summary and body text are the same in both."}
        </p>
        <DiffLegend />
        <DiffView label="Title" parts={diff.title} />
        <DiffView label="Summary" parts={diff.summary} />
        <DiffView label="Body text" parts={diff.body} multiline />
      </div>
    </section>
  );
}

import { DiffLegend, DiffView } from "@/components/studio/diff-view";
import { diffRevisions, type RevisionSummary } from "@/server/workflow/revisions";
import { SaveLabel } from "./save-label";

/**
 * The word diff between the two saves chosen in the save picker. It always reads from the
 * older save to the newer one, as a person reads left to right: if the choice was the other
 * way round, the two are swapped and the page says so.
 */
export async function CompareRevisions({ articleId, from, to }: { articleId: number; from: RevisionSummary; to: RevisionSummary }) {
  const swapped = from.id > to.id;
  const [older, newer] = swapped ? [to, from] : [from, to];
  const diff = await diffRevisions({ articleId, fromId: older.id, toId: newer.id });
  return (
    <section id="compare" className="history-section" aria-labelledby="compare-heading">
      <h2 id="compare-heading">Compare two saves</h2>
      <div className="diff-result">
        <p>
          Changes from <SaveLabel revision={older} /> to <SaveLabel revision={newer} changes={newer.changes} />.
          {swapped && " The two saves were swapped, so the changes read from the older save to the newer one."}
          {!diff.changed && " The title, summary and body text are the same in both."}
        </p>
        <DiffLegend />
        <DiffView label="Title" parts={diff.title} />
        <DiffView label="Summary" parts={diff.summary} />
        <DiffView label="Body text" parts={diff.body} multiline />
        <p className="hint">
          <a href="#saves-heading">Choose other saves to compare</a>
        </p>
      </div>
    </section>
  );
}

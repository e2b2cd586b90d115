import type { RevisionSummary } from "@/server/workflow/revisions";
import { SaveLabel } from "./save-label";

/**
 * Every save, newest first, as a list whose lines wrap (a <select> cuts its labels off at the
 * width of the box). With two saves or more it is also the compare form: a plain GET form with
 * a "From" and a "To" radio group, so it works without JavaScript and with the arrow keys.
 * "Restore…" only opens the confirmation step; nothing changes yet.
 */
export function SavePicker({
  action,
  revisions,
  fromId,
  toId,
  canRestore,
  restoreHref,
}: {
  action: string;
  revisions: RevisionSummary[];
  fromId?: number;
  toId?: number;
  canRestore: boolean;
  restoreHref: (revisionId: number) => string;
}) {
  const comparable = revisions.length > 1;
  const list = (
    <ol className="save-list">
      {revisions.map((r, index) => (
        <li key={r.id} className="save" data-version={r.articleVersion}>
          {comparable && (
            <div className="save-choice">
              <label>
                <input type="radio" name="from" value={r.id} defaultChecked={r.id === fromId} aria-describedby={`save-${r.id}`} />
                From<span className="visually-hidden"> version {r.articleVersion}</span>
              </label>
              <label>
                <input type="radio" name="to" value={r.id} defaultChecked={r.id === toId} aria-describedby={`save-${r.id}`} />
                To<span className="visually-hidden"> version {r.articleVersion}</span>
              </label>
            </div>
          )}
          <div className="save-details" id={`save-${r.id}`}>
            <p className="save-label">
              <SaveLabel revision={r} changes={r.changes} />
            </p>
            <p className="save-title">Title: “{r.title}”</p>
          </div>
          {canRestore && (
            <p className="save-actions">
              {index === 0 ? (
                <span className="hint">Current draft</span>
              ) : (
                <a href={restoreHref(r.id)}>
                  Restore<span className="visually-hidden"> version {r.articleVersion}</span>…
                </a>
              )}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
  if (!comparable) return list;
  return (
    <form method="get" action={`${action}#compare`} className="save-picker">
      <fieldset>
        <legend>Choose two saves to compare: the older one under “From”, the newer one under “To”</legend>
        {list}
      </fieldset>
      <div className="save-picker-submit">
        <button type="submit" className="button">
          Show differences
        </button>
      </div>
    </form>
  );
}

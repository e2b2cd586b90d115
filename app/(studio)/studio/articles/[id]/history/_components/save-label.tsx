import { formatTokyoDateTimeSeconds } from "@/lib/dates";
import type { RevisionIdentity, RevisionSummary } from "@/server/workflow/revisions";

const who = (r: RevisionIdentity) => r.savedBy ?? "an account that no longer exists";

/** A save in words, for places that take text only: version, time to the second, who, what changed. */
export function revisionLabel(r: RevisionSummary): string {
  return `Version ${r.articleVersion} (edition ${r.editionNumber}) · ${formatTokyoDateTimeSeconds(r.savedAt)} · ${who(r)} · ${r.changes}`;
}

/**
 * The same, marked up: the time is a <time> with the exact instant, because autosave can
 * make several saves in one minute and only the seconds (and the changes) tell them apart.
 */
export function SaveLabel({ revision: r, changes }: { revision: RevisionIdentity; changes?: string }) {
  return (
    <>
      <strong>Version {r.articleVersion}</strong> (edition {r.editionNumber}) ·{" "}
      <time dateTime={r.savedAt}>{formatTokyoDateTimeSeconds(r.savedAt)}</time> · <span className="save-by">{who(r)}</span>
      {changes && (
        <>
          {" "}
          · <span className="save-changes">{changes}</span>
        </>
      )}
    </>
  );
}

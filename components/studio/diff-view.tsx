import type { DiffPart } from "@/server/workflow/revisions";

/**
 * One field's word diff. Inserted words are <ins> and deleted words <del>,
 * styled with underline and strike-through as well as colour; the history
 * stylesheet adds hidden "insertion/deletion" cues for screen readers,
 * which do not announce these elements on their own.
 */
export function DiffView({ label, parts, multiline = false }: { label: string; parts: DiffPart[]; multiline?: boolean }) {
  const changed = parts.some((p) => p.added || p.removed);
  const empty = parts.every((p) => p.value.trim() === "");
  return (
    <div className="diff-field">
      <h3>
        {label}
        {!changed && <span className="diff-unchanged"> (unchanged)</span>}
      </h3>
      {empty ? (
        <p className="hint">(empty)</p>
      ) : (
        <div className={multiline ? "diff-text diff-multiline" : "diff-text"}>
          {parts.map((part, i) =>
            part.added ? (
              <ins key={i}>{part.value}</ins>
            ) : part.removed ? (
              <del key={i}>{part.value}</del>
            ) : (
              <span key={i}>{part.value}</span>
            ),
          )}
        </div>
      )}
    </div>
  );
}

/** The key to the colours, in words: the meaning never rests on colour alone. */
export function DiffLegend() {
  return (
    <p className="diff-legend">
      Key: <ins>inserted words are underlined</ins> and <del>deleted words are struck through</del>.
    </p>
  );
}

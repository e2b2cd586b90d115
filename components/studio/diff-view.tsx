import type { DiffPart } from "@/lib/revision-changes";

/**
 * Whose words a diff shows. A comparison reads from an older save to a newer one; a restore
 * preview from the current draft to what the draft will become. Either way <del> holds words
 * that go and <ins> words that come, and the words for them say which reading it is.
 */
export type DiffReading = "compare" | "restore";

/**
 * One field's word diff, `parts` read from the earlier text to the later one. Inserted words are
 * <ins> and deleted words <del>, styled with underline and strike-through as well as colour; the
 * history stylesheet adds hidden cues for screen readers, which do not announce these elements.
 */
export function DiffView({
  label,
  parts,
  multiline = false,
  reading = "compare",
  lang,
  level = 3,
}: {
  label: string;
  parts: DiffPart[];
  multiline?: boolean;
  reading?: DiffReading;
  /** The language of the words compared, when it is not the studio's. */
  lang?: string;
  /** The field heading's level, under the page's own headings. */
  level?: 3 | 4;
}) {
  const Heading = level === 4 ? "h4" : "h3";
  const changed = parts.some((p) => p.added || p.removed);
  const empty = parts.every((p) => p.value.trim() === "");
  return (
    <div className="diff-field">
      <Heading>
        {label}
        {!changed && <span className="diff-unchanged"> (unchanged)</span>}
      </Heading>
      {empty ? (
        <p className="hint">(empty)</p>
      ) : (
        <div className={`diff-text diff-${reading}${multiline ? " diff-multiline" : ""}`} lang={lang}>
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
export function DiffLegend({ reading = "compare" }: { reading?: DiffReading }) {
  if (reading === "restore") {
    return (
      <p className="diff-legend">
        Key: <del>Removed by the restore</del> (struck through) and <ins>Added by the restore</ins> (underlined).
      </p>
    );
  }
  return (
    <p className="diff-legend">
      Key: <ins>inserted words are underlined</ins> and <del>deleted words are struck through</del>.
    </p>
  );
}

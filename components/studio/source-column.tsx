import Link from "next/link";
import { formatTokyoDateTime } from "@/lib/dates";
import type { FormState } from "@/lib/errors";
import type { TranslatorView } from "@/server/articles/studio-dto";
import { ConfirmTranslationForm } from "./confirm-translation-form";
import { DiffLegend, DiffView } from "./diff-view";

/** The studio's own language: its labels inside the source column say so when the source is in another. */
const STUDIO_LANGUAGE = "en";

/**
 * The translator's reference beside the editable translation: the source's current words, read
 * only, in the source's language; and, for an out-of-date translation, what changed in the source
 * since the edition it was translated from, with the "no change needed" confirmation.
 */
export function SourceColumn({
  articleId,
  view,
  confirmCurrent,
}: {
  articleId: number;
  view: TranslatorView;
  confirmCurrent: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const { source, outOfDate } = view;
  const chrome = source.language.code === STUDIO_LANGUAGE ? undefined : STUDIO_LANGUAGE;
  const headingId = `source-${articleId}-heading`;
  return (
    <section className="source-column" aria-labelledby={headingId} lang={source.language.code}>
      <h2 id={headingId} lang={chrome}>
        Source ({source.language.englishName})
      </h2>
      <p className="hint" lang={chrome}>
        {source.published ? `Published edition ${source.editionNumber}` : `Edition ${source.editionNumber}, not yet published`}, read only.{" "}
        <Link href={`/studio/articles/${source.id}`}>Open the source item</Link>
      </p>
      {outOfDate && (
        <div className="out-of-date-notice" lang={chrome}>
          <p className="notice">
            <strong>Out of date since {formatTokyoDateTime(outOfDate.since)}.</strong> A major change to the source was published after this
            translation was made. Update the translation, or confirm that no change is needed.
          </p>
          {view.canConfirmCurrent ? (
            <ConfirmTranslationForm articleId={articleId} action={confirmCurrent} />
          ) : (
            <p className="hint">An editor or publisher can confirm that no change is needed.</p>
          )}
          {outOfDate.diff ? (
            <div className="source-diff">
              <h3>
                Changes to the source since edition {outOfDate.diff.fromEditionNumber} (translated from) to edition{" "}
                {outOfDate.diff.toEditionNumber}
              </h3>
              <DiffLegend />
              <DiffView label="Title" parts={outOfDate.diff.title} lang={source.language.code} level={4} />
              <DiffView label="Summary" parts={outOfDate.diff.summary} lang={source.language.code} level={4} />
              <DiffView label="Body" parts={outOfDate.diff.body} multiline lang={source.language.code} level={4} />
            </div>
          ) : (
            <p className="hint">The edition this translation was made from is not recorded, so there is no comparison to show.</p>
          )}
        </div>
      )}
      <div className="source-words">
        <h3 lang={chrome}>{outOfDate ? "The source's words now" : "The source's words"}</h3>
        <h4 lang={chrome}>Title</h4>
        <p className="source-title">{source.title}</p>
        <h4 lang={chrome}>Summary</h4>
        {source.summary ? (
          <p>{source.summary}</p>
        ) : (
          <p className="hint" lang={chrome}>
            (empty)
          </p>
        )}
        <h4 lang={chrome}>Body</h4>
        {source.paragraphs.length ? (
          source.paragraphs.map((p, i) => (
            <p key={i} className="source-paragraph">
              {p}
            </p>
          ))
        ) : (
          <p className="hint" lang={chrome}>
            (empty)
          </p>
        )}
      </div>
    </section>
  );
}

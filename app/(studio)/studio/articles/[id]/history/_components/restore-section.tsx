import { DiffLegend, DiffView } from "@/components/studio/diff-view";
import { previewRestore } from "@/server/workflow/restore-preview";
import { RestoreRevisionForm } from "./restore-revision-form";
import { SaveLabel } from "./save-label";

/**
 * The confirmation step of a restore, with a preview of what the draft will become: it reads
 * from the current draft to the restored save, so struck-through words are the ones the
 * restore takes out and underlined words the ones it brings back.
 */
export async function RestoreSection({ articleId, revisionId, cancelHref }: { articleId: number; revisionId: number; cancelHref: string }) {
  const preview = await previewRestore({ articleId, revisionId });
  const { revision } = preview;
  return (
    <section id="restore" className="history-section restore-confirm" aria-labelledby="restore-heading">
      <h2 id="restore-heading">Restore version {revision.articleVersion}?</h2>
      <p>
        The save <SaveLabel revision={revision} /> (“{revision.title}”) will replace the current draft’s title, summary, body, category,
        dateline, signatories and tags. The current words stay in this history, so you can restore them later. If the item is published,
        this starts a new draft edition and readers keep the published one.
      </p>
      <p className="restore-summary">
        {preview.changed
          ? `What the restore changes in the current draft (edition ${preview.draft.editionNumber}): ${preview.changes}.`
          : "The current draft already holds these words: restoring changes nothing but adds a save."}
      </p>
      <p className="restore-preview-intro">Below, the draft as it will read after the restore:</p>
      <DiffLegend reading="restore" />
      <DiffView label="Title" parts={preview.title} reading="restore" />
      <DiffView label="Summary" parts={preview.summary} reading="restore" />
      <DiffView label="Body text" parts={preview.body} multiline reading="restore" />
      <RestoreRevisionForm articleId={articleId} revisionId={revision.id} cancelHref={cancelHref} />
    </section>
  );
}

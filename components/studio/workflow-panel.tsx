"use client";

import { useActionState, type ReactNode } from "react";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/errors";
import { formatTokyoDateTime } from "@/lib/dates";
import { editLockReason, TRANSITIONS, type TransitionName } from "@/lib/workflow";
import type { EditableArticle } from "@/server/articles/studio-dto";
import { useSavedVersion } from "../editor/saved-version";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
type Actions = { transition: Action; withdraw: Action; restore: Action; confirmReview: Action };

/** One workflow step as its own small form, with its own message line. */
function StepForm({ action, articleId, hidden, label, danger, children }: { action: Action; articleId: number; hidden?: Record<string, string>; label: string; danger?: boolean; children?: ReactNode }) {
  const [state, formAction, pending] = useActionState(action, INITIAL_FORM_STATE);
  const errorId = `${label.replace(/\W+/g, "-").toLowerCase()}-message`;
  return (
    <form action={formAction} className="workflow-step" aria-describedby={state.message ? errorId : undefined}>
      <input type="hidden" name="articleId" value={articleId} />
      {Object.entries(hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {children}
      <button type="submit" className={`button small${danger ? " danger" : " primary"}`} disabled={pending} aria-busy={pending || undefined}>
        {label}
      </button>
      {pending && <p role="status">Working…</p>}
      {!pending && state.message && (
        <p id={errorId} role={state.ok ? "status" : "alert"} className={state.ok ? undefined : "field-error"}>
          {state.message}
        </p>
      )}
    </form>
  );
}

function ChangeFields({ article, idPrefix }: { article: EditableArticle; idPrefix: string }) {
  if (!article.workflow.needsChangeType) return null;
  return (
    <fieldset className="field">
      <legend>What kind of change is this edition?</legend>
      <label>
        <input type="radio" name="changeType" value="minor" defaultChecked={article.workflow.changeType !== "major"} /> Minor (typo, formatting): no public note
      </label>
      <label>
        <input type="radio" name="changeType" value="major" defaultChecked={article.workflow.changeType === "major"} /> Major: readers are told what changed
      </label>
      <label htmlFor={`${idPrefix}-note`}>Public change note (for a major change)</label>
      <input id={`${idPrefix}-note`} name="changeNote" type="text" maxLength={300} defaultValue={article.workflow.changeNote ?? ""} placeholder="Corrected the meeting date" />
    </fieldset>
  );
}

export function WorkflowPanel({ article, actions }: { article: EditableArticle; actions: Actions }) {
  const has = (t: TransitionName) => article.transitions.includes(t);
  const { workflow } = article;
  // Releasing steps name the version on this screen: the server refuses them if the words changed since it was loaded.
  const version = useSavedVersion(article.id, article.version);
  const seen = (transition: TransitionName) => ({ transition, version: String(version) });
  const locked = editLockReason(article.edition.state);
  return (
    <section className="workflow-panel" aria-labelledby="workflow-heading">
      <h2 id="workflow-heading">Workflow</h2>
      {workflow.scheduledFor && article.edition.state === "scheduled" && <p className="notice">Goes live {formatTokyoDateTime(workflow.scheduledFor)}.</p>}
      {workflow.liveSince && article.status === "published" && (
        <p className="notice">
          Live since {formatTokyoDateTime(workflow.liveSince)}
          {workflow.releasedByScheduler ? ", released by the scheduler as planned" : ""}.
        </p>
      )}
      {workflow.scheduleError && (
        <p className="form-error" role="alert">
          The scheduled publication failed: {workflow.scheduleError} Unschedule, fix it, and schedule again.
        </p>
      )}
      {workflow.publishedWithoutReview && (
        <p className="form-error">Published without review{workflow.forcePublishReason ? `: “${workflow.forcePublishReason}”` : ""}. A second person must review it.</p>
      )}
      {article.status === "withdrawn" && <p className="notice">Withdrawn from the public site: “{workflow.withdrawalNote}”</p>}
      {locked && <p className="hint">{locked}</p>}
      {article.transitions.length === 0 && !workflow.canWithdraw && <p>No workflow step is open to you on this item right now.</p>}

      {has("submit") && <StepForm action={actions.transition} articleId={article.id} hidden={{ transition: "submit" }} label={TRANSITIONS.submit.label} />}
      {has("return_to_draft") && <StepForm action={actions.transition} articleId={article.id} hidden={{ transition: "return_to_draft" }} label={TRANSITIONS.return_to_draft.label} />}
      {has("request_changes") && (
        <StepForm action={actions.transition} articleId={article.id} hidden={{ transition: "request_changes" }} label={TRANSITIONS.request_changes.label}>
          <label htmlFor="changes-comment">What needs to change (the author sees this)</label>
          <textarea id="changes-comment" name="comment" required maxLength={5000} />
        </StepForm>
      )}
      {has("approve") && (
        <StepForm action={actions.transition} articleId={article.id} hidden={seen("approve")} label={TRANSITIONS.approve.label}>
          <label htmlFor="approve-comment">Note (optional)</label>
          <input id="approve-comment" name="comment" type="text" maxLength={5000} />
        </StepForm>
      )}
      {has("publish") && (
        <StepForm action={actions.transition} articleId={article.id} hidden={seen("publish")} label={TRANSITIONS.publish.label}>
          <ChangeFields article={article} idPrefix="publish" />
        </StepForm>
      )}
      {has("schedule") && (
        <StepForm action={actions.transition} articleId={article.id} hidden={seen("schedule")} label={TRANSITIONS.schedule.label}>
          <label htmlFor="schedule-at">Go live at (Tokyo time)</label>
          <input id="schedule-at" name="scheduledFor" type="datetime-local" required defaultValue={workflow.suggestedScheduleAt} />
          <ChangeFields article={article} idPrefix="schedule" />
        </StepForm>
      )}
      {has("unschedule") && <StepForm action={actions.transition} articleId={article.id} hidden={{ transition: "unschedule" }} label={TRANSITIONS.unschedule.label} />}
      {has("force_publish") && article.edition.state !== "approved" && (
        <details>
          <summary>Publish without review (administrators)</summary>
          <StepForm action={actions.transition} articleId={article.id} hidden={seen("force_publish")} label={TRANSITIONS.force_publish.label} danger>
            <label htmlFor="force-reason">Why can this not wait for a second person?</label>
            <textarea id="force-reason" name="reason" required minLength={10} maxLength={2000} />
            <ChangeFields article={article} idPrefix="force" />
          </StepForm>
        </details>
      )}
      {workflow.canConfirmReview && <StepForm action={actions.confirmReview} articleId={article.id} label="Confirm I reviewed the published edition" />}
      {workflow.canWithdraw && article.status === "published" && (
        <details>
          <summary>Withdraw from the public site</summary>
          <StepForm action={actions.withdraw} articleId={article.id} label="Withdraw" danger>
            <label htmlFor="withdraw-explanation">Public explanation (shown on the page)</label>
            <textarea id="withdraw-explanation" name="explanation" required minLength={10} maxLength={1000} />
          </StepForm>
        </details>
      )}
      {workflow.canWithdraw && article.status === "withdrawn" && <StepForm action={actions.restore} articleId={article.id} label="Restore to the public site" />}
    </section>
  );
}

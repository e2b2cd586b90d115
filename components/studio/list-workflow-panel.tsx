"use client";

import { useActionState, type ReactNode } from "react";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/errors";
import { formatTokyoDateTime } from "@/lib/dates";
import { TRANSITIONS, VERSIONED_TRANSITIONS, type TransitionName } from "@/lib/workflow";
import type { ListForEditing } from "@/server/lists/queries";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

function StepForm({ action, listId, version, transition, label, children }: { action: Action; listId: number; version: number; transition: TransitionName; label: string; children?: ReactNode }) {
  const [state, formAction, pending] = useActionState(action, INITIAL_FORM_STATE);
  const messageId = `list-${transition}-message`;
  return (
    <form action={formAction} className="workflow-step" aria-describedby={state.message ? messageId : undefined}>
      <input type="hidden" name="listId" value={listId} />
      <input type="hidden" name="transition" value={transition} />
      {/* Approve, schedule and publish name the version on this screen; the server refuses them if the list changed since. */}
      {VERSIONED_TRANSITIONS.includes(transition) && <input type="hidden" name="version" value={version} />}
      {children}
      <button type="submit" className="button small primary" disabled={pending} aria-busy={pending || undefined}>
        {label}
      </button>
      {pending && <p role="status">Working…</p>}
      {!pending && state.message && (
        <p id={messageId} role={state.ok ? "status" : "alert"} className={state.ok ? undefined : "field-error"}>
          {state.message}
        </p>
      )}
    </form>
  );
}

/** The list's workflow: only the steps server/ says are open to this person. */
export function ListWorkflowPanel({ list, action }: { list: ListForEditing; action: Action }) {
  const has = (t: string) => list.transitions.includes(t as ListForEditing["transitions"][number]);
  const step = (t: "submit" | "return_to_draft" | "approve" | "publish" | "unschedule") =>
    has(t) && <StepForm key={t} action={action} listId={list.id} version={list.version} transition={t} label={TRANSITIONS[t].label} />;
  return (
    <section className="workflow-panel" aria-labelledby="list-workflow-heading">
      <h2 id="list-workflow-heading">Workflow</h2>
      {list.edition.state === "scheduled" && list.edition.scheduledFor && <p className="notice">Goes live {formatTokyoDateTime(list.edition.scheduledFor)}.</p>}
      {list.edition.scheduleError && (
        <p className="form-error" role="alert">
          The scheduled publication failed: {list.edition.scheduleError}
        </p>
      )}
      {list.edition.lastEditedBy && <p className="hint">Last edited by {list.edition.lastEditedBy}: a second person must approve and publish.</p>}
      {list.transitions.length === 0 && <p>No workflow step is open to you on this list right now.</p>}
      {step("submit")}
      {step("return_to_draft")}
      {has("request_changes") && (
        <StepForm action={action} listId={list.id} version={list.version} transition="request_changes" label={TRANSITIONS.request_changes.label}>
          <label htmlFor="list-changes-comment">What needs to change</label>
          <textarea id="list-changes-comment" name="comment" required maxLength={2000} />
        </StepForm>
      )}
      {step("approve")}
      {step("publish")}
      {has("schedule") && (
        <StepForm action={action} listId={list.id} version={list.version} transition="schedule" label={TRANSITIONS.schedule.label}>
          <label htmlFor="list-schedule-at">Go live at (Tokyo time)</label>
          <input id="list-schedule-at" name="scheduledFor" type="datetime-local" required defaultValue={list.suggestedScheduleAt} />
        </StepForm>
      )}
      {step("unschedule")}
    </section>
  );
}

"use client";

import { useActionState, type ReactNode } from "react";
import { formatTokyoDateTime } from "@/lib/dates";
import { STEP_NEEDS, TRANSITIONS, type TransitionName } from "@/lib/workflow";
import { useSavedVersion } from "../editor/saved-version";

/** What a step's form gets back: FormState from the actions, or any older shape with the same two fields. */
type StepState = { ok: boolean; message: string | null };
/** Any server action of the (state, formData) kind; `never` so actions of every state type fit. */
export type StepAction = (state: never, formData: FormData) => Promise<StepState>;

const IDLE: StepState = { ok: true, message: null };

/** One step as its own small form, with its own message line. */
export function StepForm(props: {
  action: StepAction;
  idField: string;
  itemId: number;
  hidden?: Record<string, string>;
  label: string;
  messageId: string;
  danger?: boolean;
  children?: ReactNode;
}) {
  const { idField, itemId, hidden, label, messageId, danger, children } = props;
  const [state, formAction, pending] = useActionState(props.action as unknown as (s: StepState, f: FormData) => Promise<StepState>, IDLE);
  return (
    <form action={formAction} className="workflow-step" aria-describedby={state.message ? messageId : undefined}>
      <input type="hidden" name={idField} value={itemId} />
      {Object.entries(hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {children}
      <button
        type="submit"
        className={`button small${danger ? " danger" : " primary"}`}
        disabled={pending}
        aria-busy={pending || undefined}
      >
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

/** The facts a panel states above the steps; each type fills in those it has. */
export type WorkflowFacts = {
  state: string;
  scheduledFor?: string | null;
  scheduleError?: string | null;
  liveSince?: string | null;
  releasedByScheduler?: boolean;
  publishedWithoutReview?: boolean;
  forcePublishReason?: string | null;
  withdrawalNote?: string | null;
  lockReason?: string | null;
  lastEditedBy?: string | null;
  /** A published item's new edition: ask minor or major, and the public note. */
  change?: { changeType: "minor" | "major" | null; changeNote: string | null } | null;
  suggestedScheduleAt: string;
};

/**
 * How each content type's panel names things: the empty message's noun, the
 * form field with the item's id, and the prefix of field and heading ids
 * (which labels and the browser tests rely on).
 */
const KINDS = {
  article: { noun: "item", idField: "articleId", idPrefix: "", headingId: "workflow-heading" },
  list: { noun: "list", idField: "listId", idPrefix: "list-", headingId: "list-workflow-heading" },
} as const;

export type WorkflowStepsProps = {
  kind: keyof typeof KINDS;
  itemId: number;
  version: number;
  transitions: readonly TransitionName[];
  facts: WorkflowFacts;
  action: StepAction;
  /** True when a step outside the workflow (withdraw, restore) is open, so the panel is not "empty". */
  hasOtherSteps?: boolean;
  /** Steps beyond the shared workflow (withdraw, confirm a review), rendered after it. */
  children?: ReactNode;
};

function ChangeFields({ change, idPrefix }: { change: WorkflowFacts["change"]; idPrefix: string }) {
  if (!change) return null;
  return (
    <fieldset className="field">
      <legend>What kind of change is this edition?</legend>
      <label>
        <input type="radio" name="changeType" value="minor" defaultChecked={change.changeType !== "major"} /> Minor (typo, formatting): no
        public note
      </label>
      <label>
        <input type="radio" name="changeType" value="major" defaultChecked={change.changeType === "major"} /> Major: readers are told what
        changed
      </label>
      <label htmlFor={`${idPrefix}-note`}>Public change note (for a major change)</label>
      <input
        id={`${idPrefix}-note`}
        name="changeNote"
        type="text"
        maxLength={300}
        defaultValue={change.changeNote ?? ""}
        placeholder="Corrected the meeting date"
      />
    </fieldset>
  );
}

/** What each step asks for besides its button, keyed by step: the inputs follow lib/workflow's STEP_NEEDS. */
function stepFields(name: TransitionName, pre: string, facts: WorkflowFacts): ReactNode {
  switch (name) {
    case "request_changes":
      return (
        <>
          <label htmlFor={`${pre}changes-comment`}>What needs to change (the author sees this)</label>
          <textarea id={`${pre}changes-comment`} name="comment" required maxLength={5000} />
        </>
      );
    case "approve":
      return (
        <>
          <label htmlFor={`${pre}approve-comment`}>Note (optional)</label>
          <input id={`${pre}approve-comment`} name="comment" type="text" maxLength={5000} />
        </>
      );
    case "publish":
      return <ChangeFields change={facts.change} idPrefix={`${pre}publish`} />;
    case "schedule":
      return (
        <>
          <label htmlFor={`${pre}schedule-at`}>Go live at (Tokyo time)</label>
          <input id={`${pre}schedule-at`} name="scheduledFor" type="datetime-local" required defaultValue={facts.suggestedScheduleAt} />
          <ChangeFields change={facts.change} idPrefix={`${pre}schedule`} />
        </>
      );
    case "force_publish":
      return (
        <>
          <label htmlFor={`${pre}force-reason`}>Why can this not wait for a second person?</label>
          <textarea id={`${pre}force-reason`} name="reason" required minLength={10} maxLength={2000} />
          <ChangeFields change={facts.change} idPrefix={`${pre}force`} />
        </>
      );
    default:
      return null;
  }
}

/** The workflow of any content type with editions: the facts, then only the steps server/ says are open to this person. */
export function WorkflowSteps(props: WorkflowStepsProps) {
  const { itemId, transitions, facts, action, hasOtherSteps, children } = props;
  const { noun, idField, idPrefix, headingId } = KINDS[props.kind];
  // Releasing steps name the version on this screen: the server refuses them if the words changed since it was loaded.
  const version = useSavedVersion(itemId, props.version);
  const form = (name: TransitionName) => (
    <StepForm
      key={name}
      action={action}
      idField={idField}
      itemId={itemId}
      hidden={{ transition: name, ...("version" in STEP_NEEDS[name] ? { version: String(version) } : {}) }}
      label={TRANSITIONS[name].label}
      messageId={`${idPrefix}${name}-message`}
      danger={name === "force_publish"}
    >
      {stepFields(name, idPrefix, facts)}
    </StepForm>
  );
  return (
    <section className="workflow-panel" aria-labelledby={`${headingId}-${itemId}`}>
      <h2 id={`${headingId}-${itemId}`}>Workflow</h2>
      {facts.scheduledFor && facts.state === "scheduled" && <p className="notice">Goes live {formatTokyoDateTime(facts.scheduledFor)}.</p>}
      {facts.liveSince && (
        <p className="notice">
          Live since {formatTokyoDateTime(facts.liveSince)}
          {facts.releasedByScheduler ? ", released by the scheduler as planned" : ""}.
        </p>
      )}
      {facts.scheduleError && (
        <p className="form-error" role="alert">
          The scheduled publication failed: {facts.scheduleError} Unschedule, fix it, and schedule again.
        </p>
      )}
      {facts.publishedWithoutReview && (
        <p className="form-error">
          Published without review{facts.forcePublishReason ? `: “${facts.forcePublishReason}”` : ""}. A second person must review it.
        </p>
      )}
      {facts.withdrawalNote != null && <p className="notice">Withdrawn from the public site: “{facts.withdrawalNote}”</p>}
      {facts.lockReason && <p className="hint">{facts.lockReason}</p>}
      {facts.lastEditedBy && <p className="hint">Last edited by {facts.lastEditedBy}: a second person must approve and publish.</p>}
      {transitions.length === 0 && !hasOtherSteps && <p>No workflow step is open to you on this {noun} right now.</p>}
      {transitions.map((name) =>
        // Publishing without review is offered to administrators only before approval; once approved, "Publish now" is the step.
        name === "force_publish"
          ? facts.state !== "approved" && (
              <details key={name}>
                <summary>Publish without review (administrators)</summary>
                {form(name)}
              </details>
            )
          : form(name),
      )}
      {children}
    </section>
  );
}

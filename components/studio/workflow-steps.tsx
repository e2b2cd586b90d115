"use client";

import { Fragment, useActionState, type ReactNode } from "react";
import { formatTokyoDateTime } from "@/lib/dates";
import { TRANSITIONS, type StepTone, type TransitionName } from "@/lib/workflow";
import { CHANGE_TYPE_STEPS, SHARED_STEP_FORMS, STEP_NEEDS } from "@/lib/workflow-input";
import { useSavedVersion } from "../editor/saved-version";
import { ChangeFields, stepFields, type ChangeFacts } from "./workflow-step-fields";

/** What a step's form gets back: FormState from the actions, or any older shape with the same two fields. */
type StepState = { ok: boolean; message: string | null };
/** Any server action of the (state, formData) kind; `never` so actions of every state type fit. */
export type StepAction = (state: never, formData: FormData) => Promise<StepState>;

const IDLE: StepState = { ok: true, message: null };

/** One submit button of a step form; `transition` names the step when several steps share the form. */
export type StepButton = {
  label: string;
  tone: StepTone;
  transition?: TransitionName;
  /** This step needs less than the form asks (publish now ignores the schedule's time), so the browser skips its checks. */
  formNoValidate?: boolean;
  /** The step's own fields, right before its button. */
  fields?: ReactNode;
};

/** One step (or steps sharing their questions) as its own small form, with its own message line. */
export function StepForm(props: {
  action: StepAction;
  idField: string;
  itemId: number;
  hidden?: Record<string, string>;
  buttons: readonly StepButton[];
  messageId: string;
  /** Fields every button of the form uses, asked once above them. */
  children?: ReactNode;
}) {
  const { idField, itemId, hidden, buttons, messageId, children } = props;
  const [state, formAction, pending] = useActionState(props.action as unknown as (s: StepState, f: FormData) => Promise<StepState>, IDLE);
  return (
    <form action={formAction} className="workflow-step" aria-describedby={state.message ? messageId : undefined}>
      <input type="hidden" name={idField} value={itemId} />
      {Object.entries(hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {children}
      {buttons.map((b) => (
        <Fragment key={b.label}>
          {b.fields}
          <button
            type="submit"
            name={b.transition ? "transition" : undefined}
            value={b.transition}
            formNoValidate={b.formNoValidate || undefined}
            className={`button small ${b.tone}`}
            disabled={pending}
            aria-busy={pending || undefined}
          >
            {b.label}
          </button>
        </Fragment>
      ))}
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
  change?: ChangeFacts | null;
  suggestedScheduleAt: string;
};

/**
 * How each content type's panel names things: the empty message's noun, the
 * form field with the item's id, and the prefix of field and heading ids
 * (which labels and the browser tests rely on).
 */
const KINDS = {
  article: { noun: "item", idField: "articleId", idPrefix: (id: number) => `item-${id}-`, headingId: "workflow-heading" },
  list: { noun: "list", idField: "listId", idPrefix: (id: number) => `list-${id}-`, headingId: "list-workflow-heading" },
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

const TONE_ORDER: Record<StepTone, number> = { primary: 0, secondary: 1, danger: 2 };

/** The open steps as forms: the way forward first, steps back after it; steps that share their questions share one form. */
function stepGroups(transitions: readonly TransitionName[]): TransitionName[][] {
  const ordered = [...transitions].sort((a, b) => TONE_ORDER[TRANSITIONS[a].tone] - TONE_ORDER[TRANSITIONS[b].tone]);
  const groups: TransitionName[][] = [];
  for (const name of ordered) {
    if (groups.some((g) => g.includes(name))) continue;
    const shared = SHARED_STEP_FORMS.find((g) => g.includes(name)) ?? [name];
    groups.push(ordered.filter((n) => shared.includes(n)));
  }
  return groups;
}

/** The workflow of any content type with editions: the facts, then only the steps server/ says are open to this person. */
export function WorkflowSteps(props: WorkflowStepsProps) {
  const { itemId, transitions, facts, action, hasOtherSteps, children } = props;
  const { noun, idField, headingId } = KINDS[props.kind];
  // Ids carry the item, as the editor's do: with cacheComponents two items' panels can share the document.
  const idPrefix = KINDS[props.kind].idPrefix(itemId);
  // Releasing steps name the version on this screen: the server refuses them if the words changed since it was loaded.
  const version = useSavedVersion(itemId, props.version);
  const form = (group: TransitionName[]) => {
    const needs = Object.assign({}, ...group.map((n) => STEP_NEEDS[n])) as Record<string, unknown>;
    const single = group.length === 1;
    return (
      <StepForm
        key={group.join("+")}
        action={action}
        idField={idField}
        itemId={itemId}
        hidden={{ ...(single ? { transition: group[0]! } : {}), ...("version" in needs ? { version: String(version) } : {}) }}
        messageId={`${idPrefix}${group[0]}-message`}
        buttons={group.map((n) => ({
          label: TRANSITIONS[n].label,
          tone: TRANSITIONS[n].tone,
          transition: single ? undefined : n,
          formNoValidate: !Object.keys(needs).every((k) => k in STEP_NEEDS[n]),
          fields: stepFields(n, idPrefix, facts.suggestedScheduleAt),
        }))}
      >
        {facts.change && group.some((n) => CHANGE_TYPE_STEPS.includes(n)) && (
          <ChangeFields change={facts.change} idPrefix={`${idPrefix}${group[0]}`} />
        )}
      </StepForm>
    );
  };
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
      {stepGroups(transitions).map((group) =>
        // Publishing without review is offered to administrators only before approval; once approved, "Publish now" is the step.
        group[0] === "force_publish"
          ? facts.state !== "approved" && (
              <details key="force_publish">
                <summary>Publish without review (administrators)</summary>
                {form(group)}
              </details>
            )
          : form(group),
      )}
      {children}
    </section>
  );
}

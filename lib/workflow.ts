import type { Capability } from "./permissions";
import type { EditionState } from "./vocabulary";

/**
 * The editorial workflow as data: each transition is a named action with the
 * states it starts from, the state it leads to and the capability it needs.
 * The studio shows only what `availableTransitions` allows; server/ refuses
 * everything else with the same rules.
 */
export type TransitionName =
  "submit" | "return_to_draft" | "request_changes" | "approve" | "publish" | "schedule" | "unschedule" | "force_publish";

export type Transition = {
  name: TransitionName;
  label: string;
  from: readonly EditionState[];
  to: EditionState;
  capability: Capability;
  /** Two-person rule: the last editor of the edition may not take this step. */
  notByLastEditor: boolean;
  /** How the studio shows its button: the way forward is primary, a step back or aside secondary, skipping a safeguard danger. */
  tone: StepTone;
};

export type StepTone = "primary" | "secondary" | "danger";

export const TRANSITIONS: Record<TransitionName, Transition> = {
  submit: {
    name: "submit",
    label: "Send for review",
    from: ["draft", "changes_requested"],
    to: "submitted",
    capability: "article:submit",
    notByLastEditor: false,
    tone: "primary",
  },
  return_to_draft: {
    name: "return_to_draft",
    label: "Return to draft",
    from: ["submitted", "approved"],
    to: "draft",
    capability: "article:submit",
    notByLastEditor: false,
    tone: "secondary",
  },
  request_changes: {
    name: "request_changes",
    label: "Request changes",
    from: ["submitted"],
    to: "changes_requested",
    capability: "article:review",
    notByLastEditor: false,
    tone: "secondary",
  },
  approve: {
    name: "approve",
    label: "Approve",
    from: ["submitted"],
    to: "approved",
    capability: "article:approve",
    notByLastEditor: true,
    tone: "primary",
  },
  publish: {
    name: "publish",
    label: "Publish now",
    from: ["approved"],
    to: "published",
    capability: "article:publish",
    notByLastEditor: true,
    tone: "primary",
  },
  schedule: {
    name: "schedule",
    label: "Schedule",
    from: ["approved"],
    to: "scheduled",
    capability: "article:schedule",
    notByLastEditor: true,
    tone: "secondary",
  },
  unschedule: {
    name: "unschedule",
    label: "Unschedule",
    from: ["scheduled"],
    to: "approved",
    capability: "article:schedule",
    notByLastEditor: false,
    tone: "secondary",
  },
  force_publish: {
    name: "force_publish",
    label: "Publish without review",
    from: ["draft", "submitted", "changes_requested", "approved"],
    to: "published",
    capability: "article:force-publish",
    notByLastEditor: false,
    tone: "danger",
  },
};

/**
 * States in which the words of an edition may still change. Not "submitted":
 * a reviewer approves exactly what they read, so words under review are locked
 * until someone returns the item to draft (which the reviewer is told of).
 */
export const EDITABLE_STATES: readonly EditionState[] = ["draft", "changes_requested"];

/** Why the words of an edition in `state` cannot be edited right now, or null when they can (a published edition starts a new one). */
export function editLockReason(state: EditionState): string | null {
  switch (state) {
    case "submitted":
      return "This version is in review, so its words are locked: the reviewer approves exactly what they read. To change it, return it to draft (the reviewer is told) and send it for review again.";
    case "approved":
      return "This version is approved, so its words are locked until it is published. To change it, return it to draft and send it for review again.";
    case "scheduled":
      return "This version is scheduled, so its words are locked until it goes live. To change it, unschedule it, return it to draft and send it for review again.";
    default:
      return null;
  }
}

export const STATE_LABELS: Record<EditionState, string> = {
  draft: "Draft",
  submitted: "In review",
  changes_requested: "Changes requested",
  approved: "Approved",
  scheduled: "Scheduled",
  published: "Published",
  superseded: "Superseded",
};

export type WorkflowActor = { id: number; capabilities: ReadonlySet<Capability> };
export type WorkflowEdition = { state: EditionState; lastEditedById: number | null };

/** Why `actor` may not take `transition` on `edition`, or null when it may. */
export function transitionRefusal(transition: Transition, actor: WorkflowActor, edition: WorkflowEdition): string | null {
  if (!transition.from.includes(edition.state)) {
    return `“${transition.label}” is not possible while the item is ${STATE_LABELS[edition.state].toLowerCase()}.`;
  }
  if (!actor.capabilities.has(transition.capability)) {
    return `Your role does not allow “${transition.label}”.`;
  }
  if (transition.notByLastEditor && edition.lastEditedById === actor.id) {
    return "You edited this version last, so a second person must review and publish it.";
  }
  return null;
}

export function availableTransitions(
  actor: WorkflowActor,
  edition: WorkflowEdition,
  table: Partial<Record<TransitionName, Transition>> = TRANSITIONS,
): Transition[] {
  return Object.values(table).filter((t) => transitionRefusal(t, actor, edition) === null);
}

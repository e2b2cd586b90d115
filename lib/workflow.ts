import { z } from "zod";
import { plainText } from "./article-input";
import type { Capability } from "./permissions";
import { tokyoLocalDateTimeSchema } from "./schedule-time";
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

/** A scheduled time must leave the scheduler a moment to see it ("in the future" means at least this far). */
export const MIN_SCHEDULE_LEAD_MS = 30_000;

const itemId = z.coerce.number().int().positive();
const version = z.coerce.number({ error: "This step must name the version you read. Reload and try again." }).int().positive();
const comment = plainText().max(5_000, "Comments are at most 5,000 characters");

/** Every field a workflow step may carry, each typed; which of them a step needs is STEP_NEEDS below. */
const FIELDS = {
  /** The item's version when the person read it (the panel's hidden field). */
  version: version.optional(),
  comment: comment.optional(),
  reason: z.string().trim().max(2_000).optional(),
  scheduledFor: tokyoLocalDateTimeSchema.optional(),
  /** Republishing a published item: minor (no public note) or major (readers are told what changed). */
  changeType: z.enum(["minor", "major"]).optional(),
  changeNote: z.string().trim().max(300, "Change notes are at most 300 characters").optional(),
};

/** What each step needs, as data: the engine and the studio's steps both read it. */
export const STEP_NEEDS: Record<TransitionName, Partial<Record<keyof typeof FIELDS, z.ZodType>>> = {
  submit: {},
  return_to_draft: {},
  request_changes: { comment: comment.min(1, "Say what needs to change: the author will see your comment.") },
  approve: { version },
  publish: { version },
  schedule: { version, scheduledFor: z.string({ error: "Choose when it goes live (Tokyo time)." }).pipe(tokyoLocalDateTimeSchema) },
  unschedule: {},
  force_publish: {
    version,
    reason: z.string().trim().min(10, "Publishing without review needs a written reason (at least 10 characters).").max(2_000),
  },
};

/**
 * Steps that release words to readers: on a published item each asks whether the new edition is a minor or a
 * major change (the engine checks the answer). Publish and schedule are offered together, so the question is asked once.
 */
export const CHANGE_TYPE_STEPS: readonly TransitionName[] = ["publish", "schedule", "force_publish"];
/** Steps the studio offers in one form (one submit button each), because they ask the same questions. */
export const SHARED_STEP_FORMS: readonly (readonly TransitionName[])[] = [["publish", "schedule"]];

/** Steps that release words: each must name the version (save counter) the person read. Derived from STEP_NEEDS. */
export const VERSIONED_TRANSITIONS = (Object.keys(STEP_NEEDS) as TransitionName[]).filter((name) => "version" in STEP_NEEDS[name]);

export type TransitionData = {
  transition: TransitionName;
  version?: number;
  comment?: string;
  reason?: string;
  scheduledFor?: Date;
  changeType?: "minor" | "major";
  changeNote?: string;
};

function majorNeedsNote(value: { changeType?: unknown; changeNote?: unknown }, ctx: z.RefinementCtx) {
  if (value.changeType === "major" && !value.changeNote) {
    ctx.addIssue({
      code: "custom",
      path: ["changeNote"],
      message: "A major change needs a public change note, such as “Corrected the meeting date”.",
    });
  }
}

/** Every field any step may carry, none required: the shape of a workflow request. */
export function transitionFieldsSchema<Id extends string>(idField: Id, names: readonly TransitionName[]) {
  return z
    .object({
      [idField]: itemId,
      transition: z.enum(names as [TransitionName, ...TransitionName[]], { error: "Unknown workflow step" }),
      ...FIELDS,
    } as { [K in Id]: typeof itemId } & { transition: z.ZodEnum<{ [K in TransitionName]: K }> } & typeof FIELDS)
    .strict();
}

/** One workflow request, discriminated on `transition`: each step requires what STEP_NEEDS says. */
export function transitionInputSchema<Id extends string>(
  idField: Id,
  names: readonly TransitionName[],
): z.ZodType<TransitionData & Record<Id, number>> {
  const options = names.map((name) =>
    z
      .object({ [idField]: itemId, ...FIELDS, ...STEP_NEEDS[name], transition: z.literal(name) })
      .strict()
      .superRefine(majorNeedsNote),
  );
  return z.discriminatedUnion("transition", options as unknown as [z.ZodObject, ...z.ZodObject[]], {
    error: "Unknown workflow step",
  }) as unknown as z.ZodType<TransitionData & Record<Id, number>>;
}

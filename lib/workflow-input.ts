import { z } from "zod";
import { plainText } from "./article-input";
import { tokyoLocalDateTimeSchema } from "./schedule-time";
import type { TransitionName } from "./workflow";

/**
 * What each workflow step (lib/workflow.ts) carries, as data: the typed fields a step may send and
 * which of them each step needs. The studio renders its forms from it, and server/ validates
 * every step with the schemas built here.
 */

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

import "server-only";
import { eq, sql } from "drizzle-orm";
import type { AuditAction } from "@/lib/audit-actions";
import { AppError } from "@/lib/errors";
import { ROLE_CAPABILITIES } from "@/lib/permissions";
import { transitionRefusal, type TransitionName } from "@/lib/workflow";
import {
  MIN_SCHEDULE_LEAD_MS,
  transitionFieldsSchema,
  transitionInputSchema,
  VERSIONED_TRANSITIONS,
  type TransitionData,
} from "@/lib/workflow-input";
import { defineCommand } from "../command";
import type { AnyEditorialType, EditionCore, ItemCore } from "./define-editorial-type";
import { moveEdition, updateEdition } from "./edition-rows";
import { publishEdition } from "./publish";
import type { EDITORIAL_TYPES } from "./registry";
import { assertChangeDescribed, editorialType, staleVersion, stepNames, stepsOf } from "./steps";

type Kind = keyof typeof EDITORIAL_TYPES;
type Input = TransitionData & Record<string, number>;
type Change = { changeType?: string | null; changeNote?: string | null };
export type TransitionResult = { state: string; expireTags: string[] };

/** Steps that may carry a change type and note when a published item goes out again. */
const RELEASING: readonly TransitionName[] = ["publish", "schedule", "force_publish"];

/** One command per type and step, so each writes its own audit action ("list.approve"). */
function stepCommand(type: AnyEditorialType, name: TransitionName) {
  const step = stepsOf(type)[name]!;
  const idOf = (input: Input) => input[type.idField]!;
  return defineCommand({
    action: `${type.kind}.${name}` as AuditAction,
    surface: type.surface,
    capability: "studio:use",
    input: transitionInputSchema(type.idField, stepNames(type)),
    target: (input) => ({ type: type.kind, id: idOf(input as Input) }),
    authorize: async ({ user, input, db, deny }) => {
      const item: ItemCore = await type.loadForCaller(db, idOf(input as Input));
      const edition: EditionCore = await db.transaction((tx) => type.ensureWorkingEdition(tx, item));
      const refusal =
        transitionRefusal(step, { id: user.id, capabilities: ROLE_CAPABILITIES[user.role] }, edition) ??
        type.mayMove?.(user, item, name) ??
        null;
      if (refusal) {
        // A step the item's state does not allow is a conflict (someone moved it); one the person may not take is a denial.
        if (!step.from.includes(edition.state)) throw new AppError(`conflict:${type.surface}`, refusal);
        await deny(refusal);
      }
      return { edition };
    },
    run: async ({ user, input: raw, resource, tx, now, note, expire }): Promise<TransitionResult> => {
      const input = raw as Input;
      const { edition } = resource;
      // Inside the write, where no save can slip in between the check and the step.
      const item: ItemCore = await type.loadForCaller(tx, idOf(input));
      if (VERSIONED_TRANSITIONS.includes(name) && item.version !== input.version)
        throw staleVersion(type, step.label, input.version!, item.version);
      if (name === "schedule" && input.scheduledFor!.getTime() < now.getTime() + MIN_SCHEDULE_LEAD_MS) {
        throw new AppError(`bad_request:${type.surface}`, "The scheduled time must be in the future. To publish now, use “Publish now”.", {
          fields: { scheduledFor: "Must be in the future" },
        });
      }
      if (name === "submit") {
        // A new submission is a new thing to read, even with the same words: approvals of the old one no longer fit.
        const { table } = type.items;
        await tx
          .update(table)
          .set({ version: sql`${table.version} + 1` } as never)
          .where(eq(table.id, item.id));
      }
      const old = edition as EditionCore & Change;
      const change: Change =
        RELEASING.includes(name) && type.isRepublication?.(item)
          ? { changeType: input.changeType ?? old.changeType, changeNote: input.changeNote ?? old.changeNote }
          : {};
      let expireTags: string[] = [];
      if (step.to === "published") {
        if (Object.keys(change).length > 0) await updateEdition(tx, type, edition.id, change);
        const forcedReason = name === "force_publish" ? input.reason : undefined;
        await publishEdition(type, { tx, item, edition: { ...edition, ...change }, actorId: user.id, now, forcedReason });
        expireTags = type.tagsFor(item);
        expire(...expireTags);
      } else {
        if (Object.keys(change).length > 0) assertChangeDescribed(type, change);
        await moveEdition(tx, type, edition, {
          ...change,
          state: step.to,
          updatedAt: now,
          ...(name === "approve" ? { reviewedById: user.id } : {}),
          ...(name === "schedule" ? { scheduledFor: input.scheduledFor, scheduleError: null } : {}),
          ...(name === "unschedule" ? { scheduledFor: null, scheduleError: null } : {}),
        });
      }
      await type.afterStep?.({ tx, user, item, edition, data: input, now, transition: name });
      note({
        edition: edition.number,
        from: edition.state,
        to: step.to,
        ...(input.reason ? { reason: input.reason } : {}),
        ...(input.comment ? { comment: input.comment } : {}),
        // Publish and schedule share one form, so "Publish now" also carries the time field: only a schedule records it.
        ...(name === "schedule" && input.scheduledFor ? { scheduledFor: input.scheduledFor.toISOString() } : {}),
      });
      return { state: step.to, expireTags };
    },
  });
}

const commands = new Map<string, ReturnType<typeof stepCommand>>();

function commandFor(type: AnyEditorialType, name: TransitionName) {
  const key = `${type.kind}.${name}`;
  if (!commands.has(key)) commands.set(key, stepCommand(type, name));
  return commands.get(key)!;
}

/**
 * Moves an item's newest edition one step, for any registered type: signed in
 * first, then the step's data (lib/workflow STEP_NEEDS), then the workflow's
 * rules (state, capability, two-person rule, the type's own), then the step in
 * one transaction with its audit entry. A forged request gets the refusal the studio shows.
 */
export async function applyTransition(kind: Kind, raw: unknown, options: { now?: Date } = {}): Promise<TransitionResult> {
  const type = editorialType(kind);
  const names = stepNames(type);
  const asked = (raw as { transition?: unknown } | null)?.transition;
  // An unknown step still authenticates before it is refused: it runs through the first step's command, whose parse refuses it.
  const name = names.find((n) => n === asked) ?? names[0]!;
  return commandFor(type, name)(raw, options);
}

/** Every field a type's workflow request may carry, none required: its shape, for forms and property tests. */
export function transitionFields(kind: Kind) {
  const type = editorialType(kind);
  return transitionFieldsSchema(type.idField, stepNames(type));
}

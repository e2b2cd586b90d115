import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { recommendationListEditions, recommendationLists } from "@/db/schema";
import { cacheTags } from "@/lib/cache-tags";
import { AppError } from "@/lib/errors";
import { ROLE_CAPABILITIES, type Capability } from "@/lib/permissions";
import { TRANSITIONS, transitionRefusal, VERSIONED_TRANSITIONS, type Transition } from "@/lib/workflow";
import { recordAudit } from "../audit";
import { recordTagExpirations } from "../cache-invalidation";
import { denyAccess, requireCapability, type CurrentUser } from "../auth/current-user";
import { getDatabase } from "../db";
import { ensureLatestEdition, loadList, publishListEditionInTransaction, type ListEditionRow } from "./editions";
import { LIST_TRANSITIONS, listTransitionSchema, parseListInput, type ListTransitionName } from "./input";

/** The article workflow, with the list capabilities: writers edit and submit, editors review, publishers approve and publish. */
const LIST_CAPABILITY: Record<ListTransitionName, Capability> = {
  submit: "list:edit",
  return_to_draft: "list:edit",
  request_changes: "article:review",
  approve: "list:publish",
  publish: "list:publish",
  schedule: "list:publish",
  unschedule: "list:publish",
};

export const LIST_WORKFLOW: Record<ListTransitionName, Transition> = Object.fromEntries(
  LIST_TRANSITIONS.map((name) => [name, { ...TRANSITIONS[name], capability: LIST_CAPABILITY[name] }]),
) as Record<ListTransitionName, Transition>;

/** Public tags a list publication touches; the caller expires them. */
export const LIST_PUBLIC_TAGS = [cacheTags.recommendations, cacheTags.publicListings];

const MIN_SCHEDULE_LEAD_MS = 30_000;

/** The list's version when the person read it (the panel's hidden field); required to approve, schedule or publish. */
const transitionSchema = listTransitionSchema.extend({ version: z.coerce.number().int().positive().optional() }).strict();

function staleVersion(label: string, seen: number, current: number) {
  return new AppError(
    "conflict:list",
    `This list changed since you opened it (you read version ${seen}, it is now ${current}), so “${label}” would not be of the entries you read. Reload it, check it again, then decide.`,
    { seenVersion: seen, currentVersion: current },
  );
}

export function listTransitionsFor(user: CurrentUser, edition: Pick<ListEditionRow, "state" | "lastEditedById">): ListTransitionName[] {
  const actor = { id: user.id, capabilities: ROLE_CAPABILITIES[user.role] };
  return LIST_TRANSITIONS.filter((name) => transitionRefusal(LIST_WORKFLOW[name], actor, edition) === null);
}

/**
 * Moves the list's newest edition one step. The same rules as articles —
 * allowed states, capability, the two-person rule — checked here, so a
 * forged request gets the refusal the UI would show.
 */
export async function applyListTransition(input: unknown, now = new Date()): Promise<{ state: string; expireTags: string[] }> {
  const user = await requireCapability("studio:use", "list", "list.transition");
  const data = parseListInput(transitionSchema, input);
  const transition = LIST_WORKFLOW[data.transition];
  const action = `list.${transition.name}` as const;
  const db = await getDatabase();
  const list = await loadList(db, data.listId);
  const edition = await db.transaction((tx) => ensureLatestEdition(tx, list));
  const refusal = transitionRefusal(transition, { id: user.id, capabilities: ROLE_CAPABILITIES[user.role] }, edition);
  if (refusal) {
    if (!transition.from.includes(edition.state)) throw new AppError("conflict:list", refusal);
    await denyAccess(user, "list", action, refusal, { type: "list", id: list.id });
  }
  const versioned = VERSIONED_TRANSITIONS.includes(transition.name);
  if (versioned) {
    if (data.version === undefined) throw new AppError("bad_request:list", `“${transition.label}” must name the version you read. Reload the list and try again.`, { fields: { version: "Required" } });
    if (data.version !== list.version) throw staleVersion(transition.label, data.version, list.version);
  }
  if (transition.name === "request_changes" && !data.comment) {
    throw new AppError("bad_request:list", "Say what needs to change: the author will see your comment.", { fields: { comment: "Required" } });
  }
  if (transition.name === "schedule") {
    if (!data.scheduledFor) throw new AppError("bad_request:list", "Choose when the list goes live (Tokyo time).", { fields: { scheduledFor: "Required" } });
    if (data.scheduledFor.getTime() < now.getTime() + MIN_SCHEDULE_LEAD_MS) {
      throw new AppError("bad_request:list", "The scheduled time must be in the future. To publish now, use “Publish now”.", { fields: { scheduledFor: "Must be in the future" } });
    }
  }
  return db.transaction(async (tx) => {
    let expireTags: string[] = [];
    const fresh = await loadList(tx, list.id);
    if (versioned && fresh.version !== data.version) throw staleVersion(transition.label, data.version!, fresh.version);
    // A new submission is a new thing to read: approvals of an earlier one no longer fit.
    if (transition.name === "submit") await tx.update(recommendationLists).set({ version: sql`${recommendationLists.version} + 1` }).where(eq(recommendationLists.id, list.id));
    if (transition.to === "published") {
      await publishListEditionInTransaction(tx, fresh, edition, { actorId: user.id, now });
      expireTags = LIST_PUBLIC_TAGS;
      await recordTagExpirations(tx, expireTags);
    } else {
      const moved = await tx
        .update(recommendationListEditions)
        .set({
          state: transition.to,
          updatedAt: now,
          ...(transition.name === "approve" ? { reviewedById: user.id } : {}),
          ...(transition.name === "schedule" ? { scheduledFor: data.scheduledFor, scheduleError: null } : {}),
          ...(transition.name === "unschedule" ? { scheduledFor: null, scheduleError: null } : {}),
        })
        .where(and(eq(recommendationListEditions.id, edition.id), eq(recommendationListEditions.state, edition.state)))
        .returning({ id: recommendationListEditions.id });
      if (moved.length === 0) throw new AppError("conflict:list", "Someone else changed this list's state a moment ago. Reload to see it.");
    }
    await recordAudit(tx, {
      actor: user,
      action,
      outcome: "ok",
      targetType: "list",
      targetId: list.id,
      details: {
        edition: edition.number,
        from: edition.state,
        to: transition.to,
        ...(data.comment ? { comment: data.comment } : {}),
        ...(data.scheduledFor ? { scheduledFor: data.scheduledFor.toISOString() } : {}),
      },
    });
    return { state: transition.to, expireTags };
  });
}

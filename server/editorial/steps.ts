import "server-only";
import { AppError } from "@/lib/errors";
import { ROLE_CAPABILITIES } from "@/lib/permissions";
import { availableTransitions, TRANSITIONS, type Transition, type TransitionName } from "@/lib/workflow";
import type { CurrentUser } from "../auth/current-user";
import type { AnyEditorialType, EditionCore } from "./define-editorial-type";
import { EDITORIAL_TYPES } from "./registry";

/** The registered type for a kind; a kind that is not registered is a programming error, not a user's. */
export function editorialType(kind: keyof typeof EDITORIAL_TYPES): AnyEditorialType {
  return EDITORIAL_TYPES[kind];
}

/** The shared transition table, cut to the steps a type enables, with the capability it asks for each. */
export function stepsOf(type: AnyEditorialType): Partial<Record<TransitionName, Transition>> {
  return Object.fromEntries(
    (Object.keys(type.capabilities) as TransitionName[]).map((name) => [
      name,
      { ...TRANSITIONS[name], capability: type.capabilities[name]! },
    ]),
  );
}

export function stepNames(type: AnyEditorialType): TransitionName[] {
  return Object.keys(type.capabilities) as TransitionName[];
}

/** The steps open to `user` on an edition: what the studio shows, by the rules applyTransition enforces. */
export function listTransitionsFor(
  kind: keyof typeof EDITORIAL_TYPES,
  user: CurrentUser,
  edition: Pick<EditionCore, "state" | "lastEditedById">,
): TransitionName[] {
  const actor = { id: user.id, capabilities: ROLE_CAPABILITIES[user.role] };
  return availableTransitions(actor, edition, stepsOf(editorialType(kind))).map((t) => t.name);
}

/** A published item's new edition says whether it is a minor or major change, and a major one says what changed. */
export function assertChangeDescribed(type: AnyEditorialType, edition: { changeType?: string | null; changeNote?: string | null }) {
  if (!edition.changeType) {
    throw new AppError(`bad_request:${type.surface}`, `Say whether this is a minor or a major change before publishing or scheduling it.`, {
      fields: { changeType: "Choose minor or major" },
    });
  }
  if (edition.changeType === "major" && !edition.changeNote?.trim()) {
    throw new AppError(`bad_request:${type.surface}`, "A major change needs a public change note, such as “Corrected the meeting date”.", {
      fields: { changeNote: "Required for a major change" },
    });
  }
}

export function staleVersion(type: AnyEditorialType, label: string, seen: number, current: number) {
  return new AppError(
    `conflict:${type.surface}`,
    `This ${type.noun} changed since you opened it (you read version ${seen}, it is now ${current}), so “${label}” would not be of the ${type.contents} you read. Reload it, read it again, then decide.`,
    { seenVersion: seen, currentVersion: current },
  );
}

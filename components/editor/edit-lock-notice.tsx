"use client";

import type { EditionState } from "@/lib/vocabulary";
import { ROLE_CAPABILITIES, ROLE_LABELS } from "@/lib/permissions";
import { TRANSITIONS, type TransitionName } from "@/lib/workflow";
import { editLockReasonId, workflowColumnId } from "./editor-ids";

/** The first step out of each locked state, as editLockReason describes it. */
const UNLOCKING_STEP: Partial<Record<EditionState, TransitionName>> = {
  submitted: "return_to_draft",
  approved: "return_to_draft",
  scheduled: "unschedule",
};

function rolesAllowed(step: TransitionName): string {
  const { capability } = TRANSITIONS[step];
  const roles = (Object.keys(ROLE_CAPABILITIES) as (keyof typeof ROLE_CAPABILITIES)[]).filter((r) => ROLE_CAPABILITIES[r].has(capability));
  return roles
    .map((r) => ROLE_LABELS[r].toLowerCase())
    .map((name) => `${/^[aeiou]/.test(name) ? "an" : "a"} ${name}`)
    .join(" or ");
}

/** Focuses the step's own button in the workflow column: the step is taken there, with its confirmation. */
function goToStep(articleId: number, label: string) {
  const column = document.getElementById(workflowColumnId(articleId));
  const button = [...(column?.querySelectorAll("button") ?? [])].find((b) => b.textContent?.trim() === label);
  button?.scrollIntoView({ block: "center" });
  button?.focus();
}

/**
 * Why the fields beside it are read-only, and the step that unlocks them:
 * a button that leads to it when this person may take it, otherwise who can.
 */
export function EditLockNotice({
  articleId,
  reason,
  state,
  transitions,
}: {
  articleId: number;
  reason: string;
  state: EditionState | null;
  transitions: readonly TransitionName[];
}) {
  const step = state ? UNLOCKING_STEP[state] : undefined;
  const label = step ? TRANSITIONS[step].label : null;
  return (
    <div className="notice edit-lock">
      <p id={editLockReasonId(articleId)}>{reason}</p>
      {step && label && transitions.includes(step) && (
        <p>
          <button type="button" className="button small" onClick={() => goToStep(articleId, label)}>
            Go to “{label}” in the workflow panel
          </button>
        </p>
      )}
      {step && label && !transitions.includes(step) && (
        <p>
          “{label}” is a step for {rolesAllowed(step)}: ask one of them.
        </p>
      )}
    </div>
  );
}

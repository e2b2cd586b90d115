import type { ReactNode } from "react";
import type { TransitionName } from "@/lib/workflow";

/** A published item's new edition: minor or major, and the public note. */
export type ChangeFacts = { changeType: "minor" | "major" | null; changeNote: string | null };

/** The one "What kind of change" question of a form, whichever of its steps is taken. */
export function ChangeFields({ change, idPrefix }: { change: ChangeFacts; idPrefix: string }) {
  return (
    <fieldset className="field change-fields">
      <legend>What kind of change is this edition?</legend>
      <label className="choice">
        <input type="radio" name="changeType" value="minor" defaultChecked={change.changeType !== "major"} /> Minor (typo, formatting): no
        public note
      </label>
      <label className="choice">
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

/**
 * What each step asks for besides its button and the change question, keyed by step: the inputs follow
 * lib/workflow's STEP_NEEDS. `required` marks what the browser checks before posting; server/ checks it again.
 */
export function stepFields(name: TransitionName, pre: string, suggestedScheduleAt: string): ReactNode {
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
    case "schedule":
      return (
        <>
          <label htmlFor={`${pre}schedule-at`}>Go live at (Tokyo time)</label>
          <input id={`${pre}schedule-at`} name="scheduledFor" type="datetime-local" required defaultValue={suggestedScheduleAt} />
        </>
      );
    case "force_publish":
      return (
        <>
          <label htmlFor={`${pre}force-reason`}>Why can this not wait for a second person?</label>
          <textarea id={`${pre}force-reason`} name="reason" required minLength={10} maxLength={2000} />
        </>
      );
    default:
      return null;
  }
}

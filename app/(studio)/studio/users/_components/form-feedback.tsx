import type { StaffActionState } from "../actions";

/** The field's own error from the last attempt, if any (server/ names fields in `details.fields`). */
export function fieldError(state: StaffActionState, field: string): string | undefined {
  if (!state || state.ok) return undefined;
  const fields = state.error.details?.fields as Record<string, string> | undefined;
  return fields?.[field];
}

/** Ids for aria-describedby, skipping the ones not on screen. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(" ");
  return list || undefined;
}

/**
 * The outcome of a form: errors as an alert, confirmations in a status region
 * that is always present so screen readers announce what appears in it.
 */
export function FormFeedback({ state, errorId }: { state: StaffActionState; errorId: string }) {
  return (
    <>
      {state && !state.ok && (
        <p className="form-error" role="alert" id={errorId}>
          {state.error.message}
        </p>
      )}
      <p role="status" className="form-status">
        {state?.ok ? state.data.message : ""}
      </p>
    </>
  );
}

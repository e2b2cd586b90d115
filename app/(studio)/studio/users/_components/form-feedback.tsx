import type { FormState } from "@/lib/errors";

/** True after an attempt that changed nothing (the untouched form has no message yet). */
export function failed(state: FormState): state is Extract<FormState, { ok: false }> {
  return !state.ok && state.message !== null;
}

/** The field's own error from the last attempt, if any (server/ names fields in `fields`). */
export function fieldError(state: FormState, field: string): string | undefined {
  return failed(state) ? state.fields?.[field] : undefined;
}

/** Ids for aria-describedby, skipping the ones not on screen. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(" ");
  return list || undefined;
}

/**
 * The outcome of a form: errors as an alert, confirmations in a status region
 * that is always present so screen readers announce what appears in it. When
 * the error names fields that are on the form, it lists them as links to the
 * fields (an error summary) instead of one run-on sentence.
 */
export function FormFeedback({ state, errorId, fieldIds }: { state: FormState; errorId: string; fieldIds?: Record<string, string> }) {
  const fields = failed(state) ? state.fields : undefined;
  const listed = fields && fieldIds && Object.keys(fields).every((f) => f in fieldIds) ? Object.entries(fields) : null;
  return (
    <>
      {failed(state) && (
        <div className="form-error" role="alert" id={errorId}>
          {listed ? (
            <>
              <p className="error-summary-title">Nothing was saved. Please correct:</p>
              <ul>
                {listed.map(([field, message]) => (
                  <li key={field}>
                    <a href={`#${fieldIds![field]}`}>{message}</a>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{state.message}</p>
          )}
        </div>
      )}
      <p role="status" className="form-status">
        {state.ok ? state.message : ""}
      </p>
    </>
  );
}

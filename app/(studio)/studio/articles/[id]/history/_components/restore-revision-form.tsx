"use client";

import { useActionState } from "react";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/errors";
import { restoreRevisionAction } from "../actions";

/**
 * The second step of a restore. A plain form with a required checkbox, so it
 * works before (or without) JavaScript; the server checks the box again.
 */
export function RestoreRevisionForm({ articleId, revisionId, cancelHref }: { articleId: number; revisionId: number; cancelHref: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(restoreRevisionAction, INITIAL_FORM_STATE);
  return (
    <form action={action} aria-describedby={state.message ? "restore-error" : undefined}>
      {state.message && (
        <p id="restore-error" className="form-error" role="alert">
          {state.message}
        </p>
      )}
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <div className="checkbox-field">
        <input type="checkbox" id="restore-confirm" name="confirm" value="yes" required />
        <label htmlFor="restore-confirm">I understand this replaces the current draft</label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? "Restoring…" : "Restore this revision"}
        </button>
        <a href={cancelHref}>Cancel</a>
      </div>
    </form>
  );
}

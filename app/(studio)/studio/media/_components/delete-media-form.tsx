"use client";

import { useActionState } from "react";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/errors";
import { deleteMediaAction } from "../actions";

/** Deleting is refused while the image is used; the refusal lists the items using it. */
export function DeleteMediaForm({ id, name }: { id: number; name: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(deleteMediaAction, INITIAL_FORM_STATE);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(`Delete “${name}” and all its sizes? This cannot be undone.`)) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      {!state.ok && state.message && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
      <button type="submit" className="button danger" disabled={pending}>
        Delete image
      </button>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { deleteMediaAction, type MediaActionState } from "../actions";

/** Deleting is refused while the image is used; the refusal lists the items using it. */
export function DeleteMediaForm({ id, name }: { id: number; name: string }) {
  const [state, action, pending] = useActionState<MediaActionState, FormData>(deleteMediaAction, null);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(`Delete “${name}” and all its sizes? This cannot be undone.`)) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      {state && !state.ok && (
        <p className="form-error" role="alert">
          {state.error.message}
        </p>
      )}
      <button type="submit" className="button danger" disabled={pending}>
        Delete image
      </button>
    </form>
  );
}

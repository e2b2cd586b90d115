"use client";

import { useActionState } from "react";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/errors";

/** One "Revoke" button per link; the link stops working on the next request. */
export function RevokePreviewLinkForm({
  articleId,
  linkId,
  label,
  action,
}: {
  articleId: number;
  linkId: number;
  /** Names the link for screen readers: "Revoke the link created by … expiring …". */
  label: string;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, INITIAL_FORM_STATE);
  return (
    <form action={formAction}>
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="linkId" value={linkId} />
      <button type="submit" className="button small danger" disabled={pending} aria-label={label}>
        {pending ? "Revoking…" : "Revoke"}
      </button>
      {!state.ok && state.message && (
        <p className="field-error" role="alert">
          {state.message}
        </p>
      )}
    </form>
  );
}

"use client";

import { useActionState } from "react";

export type RevokePreviewLinkFormState = { message: string | null; status?: number };

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
  action: (state: RevokePreviewLinkFormState, formData: FormData) => Promise<RevokePreviewLinkFormState>;
}) {
  const [state, formAction, pending] = useActionState(action, { message: null });
  return (
    <form action={formAction}>
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="linkId" value={linkId} />
      <button type="submit" className="button small danger" disabled={pending} aria-label={label}>
        {pending ? "Revoking…" : "Revoke"}
      </button>
      {state.message && (
        <p className="field-error" role="alert">
          {state.message}
        </p>
      )}
    </form>
  );
}

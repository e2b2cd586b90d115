"use client";

import { useActionState } from "react";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/errors";

/** "Confirm no change needed": a reviewer compared the source's changes and the translation still says the same. */
export function ConfirmTranslationForm({
  articleId,
  action,
}: {
  articleId: number;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, INITIAL_FORM_STATE);
  return (
    <form action={formAction} className="confirm-translation">
      <input type="hidden" name="id" value={articleId} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Confirming…" : "Confirm no change needed"}
      </button>
      {state.message && (
        <p className={state.ok ? "notice" : "field-error"} role={state.ok ? "status" : "alert"}>
          {state.message}
        </p>
      )}
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/errors";

/**
 * "Add Japanese version": one small form per missing language, so it works without JavaScript.
 * On success the action opens the new item's editor; on failure its reason shows under the button.
 */
export function AddTranslationForm({
  sourceId,
  language,
  languageName,
  action,
}: {
  sourceId: number;
  language: string;
  languageName: string;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, INITIAL_FORM_STATE);
  const errorId = `add-translation-${sourceId}-${language}-error`;
  return (
    <form action={formAction} className="add-translation">
      <input type="hidden" name="sourceId" value={sourceId} />
      <input type="hidden" name="language" value={language} />
      <button type="submit" className="button" disabled={pending} aria-describedby={!state.ok && state.message ? errorId : undefined}>
        {pending ? `Adding the ${languageName} version…` : `Add ${languageName} version`}
      </button>
      {!state.ok && state.message && (
        <p className="field-error" role="alert" id={errorId}>
          {state.message}
        </p>
      )}
    </form>
  );
}

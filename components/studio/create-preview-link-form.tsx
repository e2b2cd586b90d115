"use client";

import { useActionState } from "react";
import { formatTokyoDateTime } from "@/lib/dates";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/errors";

type CreatedLink = FormState<{ url: string; expiresAt: string }>;

type Lifetime = { value: string; label: string };

/**
 * Creates a preview link and shows it once. The new link lives only in this
 * form's state: reload the page and it is gone (revoke it and make another).
 */
export function CreatePreviewLinkForm({
  articleId,
  lifetimes,
  defaultLifetime,
  action,
}: {
  articleId: number;
  lifetimes: Lifetime[];
  defaultLifetime: string;
  action: (state: CreatedLink, formData: FormData) => Promise<CreatedLink>;
}) {
  const [state, formAction, pending] = useActionState<CreatedLink, FormData>(action, INITIAL_FORM_STATE);
  return (
    <>
      <form action={formAction} className="preview-link-form">
        <input type="hidden" name="articleId" value={articleId} />
        <fieldset className="field">
          <legend>Link works for</legend>
          <div className="preview-lifetimes">
            {lifetimes.map((l) => (
              <label key={l.value}>
                <input type="radio" name="expiresIn" value={l.value} defaultChecked={l.value === defaultLifetime} /> {l.label}
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? "Creating…" : "Create preview link"}
        </button>
      </form>
      {!state.ok && state.message && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
      {state.ok && (
        <div className="notice new-preview-link" role="status">
          <label htmlFor="new-preview-link" className="label">
            New preview link (shown only once: copy it now)
          </label>
          <input id="new-preview-link" type="url" readOnly value={state.data.url} aria-describedby="new-preview-link-hint" />
          <p id="new-preview-link-hint" className="hint">
            Anyone with this link can read the newest version of this item until {formatTokyoDateTime(state.data.expiresAt)} or until it is
            revoked. Send it only to the people who need it.
          </p>
        </div>
      )}
    </>
  );
}

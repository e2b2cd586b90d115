"use client";

import { useActionState, useState } from "react";
import type { MediaDto } from "@/server/media/dto";
import type { DescriptionRights } from "@/server/media/usage";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/errors";
import { updateMediaDescriptionAction } from "../actions";

/**
 * Alt text (or a decorative mark), caption and credit; saved with the version
 * it was loaded at. When the caller may not change them (the server decides
 * and refuses too), the fields are read-only and the reason says who can.
 */
export function DescribeMediaForm({ media, rights }: { media: MediaDto; rights: DescriptionRights }) {
  const [state, action, pending] = useActionState<FormState<{ version: number }>, FormData>(
    updateMediaDescriptionAction,
    INITIAL_FORM_STATE,
  );
  const [decorative, setDecorative] = useState(media.decorative);
  const version = state.ok ? state.data.version : media.version;
  return (
    <form action={action} className="form" aria-labelledby="describe-heading">
      <h2 id="describe-heading">Description</h2>
      {rights.reason && (
        <p className="notice-inline" id="describe-locked">
          {rights.reason}
        </p>
      )}
      <fieldset disabled={!rights.canEdit} aria-describedby={rights.reason ? "describe-locked" : undefined} className="plain-fieldset">
        <legend className="visually-hidden">Image description</legend>
        <input type="hidden" name="id" value={media.id} />
        <input type="hidden" name="version" value={version} />
        <div className="field">
          <label htmlFor="media-alt">Alt text {decorative ? "(not needed for a decorative image)" : "(required before use)"}</label>
          <textarea
            id="media-alt"
            name="altText"
            rows={3}
            defaultValue={media.altText}
            disabled={decorative}
            aria-describedby="media-alt-hint"
          />
          <p className="hint" id="media-alt-hint">
            What the photo shows, for people who cannot see it: “Governor Koike shakes hands with the Mayor of Paris at City Hall”.
          </p>
        </div>
        <div className="field">
          <label>
            <input type="checkbox" name="decorative" checked={decorative} onChange={(e) => setDecorative(e.target.checked)} /> Decorative:
            adds nothing to the text (screen readers skip it)
          </label>
        </div>
        <div className="field">
          <label htmlFor="media-caption">Caption</label>
          <textarea id="media-caption" name="caption" rows={2} defaultValue={media.caption} />
        </div>
        <div className="field">
          <label htmlFor="media-credit">Credit</label>
          <input id="media-credit" name="credit" type="text" defaultValue={media.credit} aria-describedby="media-credit-hint" />
          <p className="hint" id="media-credit-hint">
            For example “Photo: Tokyo Metropolitan Government”.
          </p>
        </div>
      </fieldset>
      {!state.ok && state.message && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
      <p role="status" className="notice-inline">
        {state.ok ? state.message : ""}
      </p>
      <button type="submit" className="button primary" disabled={pending || !rights.canEdit}>
        {pending ? "Saving…" : "Save description"}
      </button>
    </form>
  );
}

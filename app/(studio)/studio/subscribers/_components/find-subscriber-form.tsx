"use client";

import { useActionState } from "react";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/errors";
import { findSubscriberAction } from "../actions";

const FIELD = "find-subscriber-email";
const ERROR = `${FIELD}-error`;

/** Administrators look one address up (exactly as written, any case); the result opens its record page. */
export function FindSubscriberForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(findSubscriberAction, INITIAL_FORM_STATE);
  const failed = !state.ok && state.message !== null;
  const error = failed ? (state.fields?.email ?? state.message) : null;
  const typed = failed ? ((state.details?.values as { email?: string } | undefined)?.email ?? "") : "";
  return (
    <form action={action} className="form subscriber-find" role="search" aria-label="Find a subscriber" noValidate>
      <div className="field">
        <label htmlFor={FIELD}>E-mail address</label>
        <input
          id={FIELD}
          name="email"
          type="email"
          autoComplete="off"
          spellCheck={false}
          required
          // A refused search keeps what was typed, to correct it.
          key={typed}
          defaultValue={typed}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? ERROR : undefined}
        />
        {error && (
          <p className="field-error" id={ERROR} role="alert">
            {error}
          </p>
        )}
      </div>
      <button type="submit" className="button" disabled={pending}>
        Find subscriber
      </button>
    </form>
  );
}

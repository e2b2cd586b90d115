"use client";

import { useActionState, useEffect, useRef } from "react";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/errors";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  callbackUrl: string;
};

export function SignInForm({ action, callbackUrl }: Props) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, INITIAL_FORM_STATE);
  const error = state.ok ? null : state.message;
  // What was typed comes back with a refusal, so the person corrects rather than retypes.
  const email = state.ok ? "" : String(state.details?.email ?? "");
  const emailField = useRef<HTMLInputElement>(null);
  // The submit button is disabled while pending, which drops focus to the page; after a refusal
  // focus goes back to the email field, which names the error (aria-describedby) and is where to retry.
  useEffect(() => {
    if (error) emailField.current?.focus();
  }, [state, error]);
  return (
    <form action={formAction} className="form" noValidate>
      {error && (
        <p className="form-error" role="alert" id="sign-in-error">
          {error}
        </p>
      )}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="field">
        <label htmlFor="email">Email</label>
        <input
          ref={emailField}
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={email}
          aria-describedby={error ? "sign-in-error" : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}

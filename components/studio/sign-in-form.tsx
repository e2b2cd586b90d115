"use client";

import { useActionState, useEffect, useRef } from "react";

/** What the sign-in form shows after a try: the refusal, and the email typed so it need not be typed again. */
export type SignInState = { error: string | null; email: string };

type Props = {
  action: (state: SignInState, formData: FormData) => Promise<SignInState>;
  callbackUrl: string;
};

export function SignInForm({ action, callbackUrl }: Props) {
  const [state, formAction, pending] = useActionState(action, { error: null, email: "" });
  const email = useRef<HTMLInputElement>(null);
  // The submit button is disabled while pending, which drops focus to the page; after a refusal
  // focus goes back to the email field, which names the error (aria-describedby) and is where to retry.
  useEffect(() => {
    if (state.error) email.current?.focus();
  }, [state]);
  return (
    <form action={formAction} className="form" noValidate>
      {state.error && (
        <p className="form-error" role="alert" id="sign-in-error">
          {state.error}
        </p>
      )}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="field">
        <label htmlFor="email">Email</label>
        <input
          ref={email}
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          aria-describedby={state.error ? "sign-in-error" : undefined}
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

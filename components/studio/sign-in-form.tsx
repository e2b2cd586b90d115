"use client";

import { useActionState } from "react";
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

"use client";

import { useActionState } from "react";
import type { Role } from "@/lib/vocabulary";
import { ROLE_LABELS } from "@/lib/permissions";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/errors";
import { createStaffMemberAction } from "../actions";
import { describedBy, failed, fieldError, FormFeedback } from "./form-feedback";

/** Creates a staff account with an initial password the administrator passes on to the person. */
const ROLES = Object.keys(ROLE_LABELS) as Role[];
const FIELD_IDS = { name: "new-staff-name", email: "new-staff-email", role: "new-staff-role", password: "new-staff-password" };

export function CreateStaffForm({ passwordMinLength }: { passwordMinLength: number }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(createStaffMemberAction, INITIAL_FORM_STATE);
  // What was typed comes back with a refusal (the form resets after every submission).
  const values = failed(state) ? (state.details?.values as Record<string, string> | undefined) : undefined;
  const errors = {
    email: fieldError(state, "email"),
    name: fieldError(state, "name"),
    role: fieldError(state, "role"),
    password: fieldError(state, "password"),
  };
  return (
    <form action={formAction} className="form" noValidate aria-describedby={failed(state) ? "create-staff-error" : undefined}>
      <FormFeedback state={state} errorId="create-staff-error" fieldIds={FIELD_IDS} />
      <div className="field">
        <label htmlFor="new-staff-name">Name</label>
        <input
          id="new-staff-name"
          name="name"
          type="text"
          autoComplete="off"
          required
          defaultValue={values?.name ?? ""}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={describedBy(errors.name && "new-staff-name-error")}
        />
        {errors.name && (
          <p className="field-error" id="new-staff-name-error">
            {errors.name}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="new-staff-email">Email</label>
        <input
          id="new-staff-email"
          name="email"
          type="email"
          autoComplete="off"
          required
          defaultValue={values?.email ?? ""}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={describedBy(errors.email && "new-staff-email-error")}
        />
        {errors.email && (
          <p className="field-error" id="new-staff-email-error">
            {errors.email}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="new-staff-role">Role</label>
        <select
          id="new-staff-role"
          name="role"
          required
          defaultValue={values?.role || "writer"}
          aria-invalid={errors.role ? true : undefined}
          aria-describedby={describedBy(errors.role && "new-staff-role-error")}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
        {errors.role && (
          <p className="field-error" id="new-staff-role-error">
            {errors.role}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="new-staff-password">Initial password</label>
        <p className="hint" id="new-staff-password-hint">
          At least {passwordMinLength} characters. Give it to the person privately.
        </p>
        <input
          id="new-staff-password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={describedBy("new-staff-password-hint", errors.password && "new-staff-password-error")}
        />
        {errors.password && (
          <p className="field-error" id="new-staff-password-error">
            {errors.password}
          </p>
        )}
      </div>
      <div>
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? "Creating…" : "Create account"}
        </button>
      </div>
    </form>
  );
}

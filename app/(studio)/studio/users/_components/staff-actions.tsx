"use client";

import { useActionState } from "react";
import type { Role } from "@/lib/vocabulary";
import { ROLE_LABELS } from "@/lib/permissions";
import type { StaffMember } from "@/server/users";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/errors";
import { changeStaffRoleAction, resetStaffPasswordAction, setStaffMemberActiveAction } from "../actions";
import { describedBy, failed, fieldError, FormFeedback } from "./form-feedback";

const ROLES = Object.keys(ROLE_LABELS) as Role[];
type Props = { member: StaffMember; isSelf: boolean; passwordMinLength: number };

function RoleForm({ member }: { member: StaffMember }) {
  const [state, action, pending] = useActionState<FormState, FormData>(changeStaffRoleAction, INITIAL_FORM_STATE);
  const selectId = `role-${member.id}`;
  const errorId = `${selectId}-error`;
  return (
    <form action={action} className="staff-action">
      <input type="hidden" name="id" value={member.id} />
      <label htmlFor={selectId} className="visually-hidden">
        Role for {member.name}
      </label>
      <select id={selectId} name="role" defaultValue={member.role} aria-describedby={describedBy(failed(state) && errorId)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
      <button type="submit" className="button small" disabled={pending}>
        Change role<span className="visually-hidden"> of {member.name}</span>
      </button>
      <FormFeedback state={state} errorId={errorId} />
    </form>
  );
}

function ActiveForm({ member }: { member: StaffMember }) {
  const [state, action, pending] = useActionState<FormState, FormData>(setStaffMemberActiveAction, INITIAL_FORM_STATE);
  const errorId = `active-${member.id}-error`;
  return (
    <form action={action} className="staff-action">
      <input type="hidden" name="id" value={member.id} />
      <input type="hidden" name="active" value={member.active ? "false" : "true"} />
      <button
        type="submit"
        className={member.active ? "button small danger" : "button small"}
        disabled={pending}
        aria-describedby={describedBy(failed(state) && errorId)}
      >
        {member.active ? "Deactivate" : "Reactivate"}
        <span className="visually-hidden"> {member.name}</span>
      </button>
      <FormFeedback state={state} errorId={errorId} />
    </form>
  );
}

function PasswordForm({ member, isSelf, passwordMinLength }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(resetStaffPasswordAction, INITIAL_FORM_STATE);
  const inputId = `password-${member.id}`;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const error = fieldError(state, "password");
  return (
    <details className="staff-password" open={failed(state) ? true : undefined}>
      <summary>
        Reset password<span className="visually-hidden"> of {member.name}</span>
      </summary>
      <form action={action} className="staff-action" noValidate>
        <input type="hidden" name="id" value={member.id} />
        <label htmlFor={inputId}>New password for {member.name}</label>
        <p className="hint" id={hintId}>
          At least {passwordMinLength} characters.{" "}
          {isSelf ? "You will be signed out and must sign in with it." : "Their open sessions end."}
        </p>
        <input
          id={inputId}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(hintId, failed(state) && errorId)}
        />
        <button type="submit" className="button small" disabled={pending}>
          Set password
        </button>
        <FormFeedback state={state} errorId={errorId} />
      </form>
    </details>
  );
}

/** The changes an administrator can make to one account; their own role and status are not among them. */
export function StaffActions(props: Props) {
  const { member, isSelf } = props;
  return (
    <div className="staff-actions">
      {isSelf ? (
        <p className="hint">This is you: another administrator must change your role or status.</p>
      ) : (
        <>
          <RoleForm member={member} />
          <ActiveForm member={member} />
        </>
      )}
      <PasswordForm {...props} />
    </div>
  );
}

"use server";

import { revalidatePath } from "next/cache";
import { formSuccess, toFormState, type FormState } from "@/lib/errors";
import { ROLE_LABELS } from "@/lib/permissions";
import { changeStaffRole, createStaffMember, resetStaffPassword, setStaffMemberActive, type StaffMember } from "@/server/users";

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};
// Ids come from hidden inputs; a non-number becomes NaN, which server/ refuses by name.
const id = (formData: FormData) => Number(text(formData, "id"));

/** A confirmation, or why nothing changed (with the fields at fault): the one FormState. */
async function run(change: () => Promise<StaffMember>, message: (user: StaffMember) => string): Promise<FormState> {
  try {
    const user = await change();
    revalidatePath("/studio/users");
    revalidatePath("/studio/audit");
    return formSuccess(message(user));
  } catch (error) {
    return toFormState(error);
  }
}

export async function createStaffMemberAction(_prev: unknown, formData: FormData): Promise<FormState> {
  const values = { email: text(formData, "email"), name: text(formData, "name"), role: text(formData, "role") };
  const result = await run(
    () => createStaffMember({ ...values, password: text(formData, "password") }),
    (u) => `Created an account for ${u.name} (${u.email}).`,
  );
  // The form resets after every submission: hand back what was typed (never the password) when it failed.
  return result.ok ? result : { ...result, details: { ...result.details, values } };
}

export async function changeStaffRoleAction(_prev: unknown, formData: FormData): Promise<FormState> {
  return run(
    () => changeStaffRole({ id: id(formData), role: text(formData, "role") }),
    (u) => `${u.name}’s role is now ${ROLE_LABELS[u.role]}. Their open sessions have ended.`,
  );
}

export async function setStaffMemberActiveAction(_prev: unknown, formData: FormData): Promise<FormState> {
  const active = text(formData, "active") === "true";
  return run(
    () => setStaffMemberActive({ id: id(formData), active }),
    (u) => (u.active ? `${u.name} can sign in again.` : `${u.name} is deactivated and has been signed out everywhere.`),
  );
}

export async function resetStaffPasswordAction(_prev: unknown, formData: FormData): Promise<FormState> {
  return run(
    () => resetStaffPassword({ id: id(formData), password: text(formData, "password") }),
    (u) => `New password set for ${u.name}. Their open sessions have ended.`,
  );
}

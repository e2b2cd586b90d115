import { z } from "zod";
import { PASSWORD_MIN_LENGTH } from "./password";
import { ROLES } from "./vocabulary";

/**
 * A new staff account, as the users admin (server/users.ts) and the
 * create-user script (db/staff.ts) both accept it: one schema, so an account
 * one of them accepts the other cannot refuse. Strict: `sessionVersion`,
 * `passwordHash`, `active`… are refused by name, never applied.
 */
const PASSWORD_MESSAGE = `Passwords need at least ${PASSWORD_MIN_LENGTH} characters`;
export const STAFF_NAME_MAX = 200;

export const staffPasswordSchema = z.string().min(PASSWORD_MIN_LENGTH, PASSWORD_MESSAGE).max(256, "Passwords are at most 256 characters");
export const staffRoleSchema = z.enum(ROLES, `Choose one of: ${ROLES.join(", ")}`);

export const newStaffSchema = z
  .object({
    email: z.string().trim().toLowerCase().max(320, "Emails are at most 320 characters").pipe(z.email("Enter a valid email address")),
    name: z.string().trim().min(1, "Enter the person's name").max(STAFF_NAME_MAX, `Names are at most ${STAFF_NAME_MAX} characters`),
    role: staffRoleSchema,
    password: staffPasswordSchema,
  })
  .strict();

export type NewStaff = z.input<typeof newStaffSchema>;

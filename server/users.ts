import "server-only";
import { asc, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "@/db/client";
import { users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/password";
import { newStaffSchema, staffPasswordSchema, staffRoleSchema } from "@/lib/staff-input";
import type { Role } from "@/lib/vocabulary";
import { requireCapability } from "./auth/current-user";
import { defineCommand, type AuthorizeContext } from "./command";
import { getDatabase } from "./db";

/** What the users admin sees of an account: never the password hash or the session version. */
export type StaffMember = {
  id: number;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  /** False for accounts that can only sign in through single sign-on. */
  hasPassword: boolean;
  createdAt: string;
};

const userId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const roleSchema = z.object({ id: userId, role: staffRoleSchema }).strict();
const activeSchema = z.object({ id: userId, active: z.boolean() }).strict();
const passwordSchema = z.object({ id: userId, password: staffPasswordSchema }).strict();

type Row = typeof users.$inferSelect;
function toStaffMember(row: Row): StaffMember {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    active: row.active,
    hasPassword: row.passwordHash !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

async function findForUpdate(tx: Transaction, id: number): Promise<Row> {
  const [row] = await tx.select().from(users).where(eq(users.id, id));
  if (!row) throw new AppError("not_found:user", "This staff account does not exist.");
  return row;
}

/** Ends every session of the account at once: cookies carry the old version and are refused. */
async function updateAndEndSessions(tx: Transaction, id: number, changes: Partial<Pick<Row, "role" | "active" | "passwordHash">>) {
  const [row] = await tx
    .update(users)
    .set({ ...changes, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, id))
    .returning();
  return row!;
}

export async function listStaffMembers(): Promise<StaffMember[]> {
  await requireCapability("users:manage", "user", "user.list");
  const db = await getDatabase();
  const rows = await db.select().from(users).orderBy(desc(users.active), asc(users.name), asc(users.id));
  return rows.map(toStaffMember);
}

const SELF_ROLE = "You cannot change your own role. Ask another administrator.";
const SELF_ACTIVE = "You cannot deactivate or reactivate your own account.";
const targetUser = (input: { id: number }) => ({ type: "user", id: input.id });

/** Nobody administers their own account here: no raising, changing or switching off oneself. */
function refuseSelf(message: string) {
  return async ({ user, input, deny }: AuthorizeContext<{ id: number }>) => {
    if (user.id === input.id) await deny(message);
  };
}

const createCommand = defineCommand({
  action: "user.create",
  surface: "user",
  capability: "users:manage",
  input: newStaffSchema,
  // Hashing is slow on purpose: do it before the write transaction opens, not inside it.
  authorize: async ({ input }) => ({ passwordHash: await hashPassword(input.password) }),
  target: (_input, _resource, result: StaffMember) => result && { type: "user", id: result.id },
  run: async ({ input, resource, tx, note }) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (taken) throw duplicateEmail(input.email);
    const [row] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, role: input.role, passwordHash: resource.passwordHash })
      .returning();
    note({ email: row!.email, role: row!.role });
    return toStaffMember(row!);
  },
});

export async function createStaffMember(input: unknown): Promise<StaffMember> {
  try {
    return await createCommand(input);
  } catch (error) {
    // Two admins creating the same email at once: the unique index decides.
    const email = (input as { email?: unknown } | null)?.email;
    if (
      !(error instanceof AppError) &&
      /UNIQUE constraint failed: users\.email/.test(String((error as { cause?: unknown }).cause ?? error))
    ) {
      throw duplicateEmail(String(email).trim().toLowerCase());
    }
    throw error;
  }
}

function duplicateEmail(email: string) {
  return new AppError("conflict:user", `A staff account with the email ${email} already exists.`, {
    fields: { email: "This email already has a staff account" },
  });
}

export const changeStaffRole = defineCommand({
  action: "user.role_change",
  surface: "user",
  capability: "users:manage",
  input: roleSchema,
  authorize: refuseSelf(SELF_ROLE),
  target: targetUser,
  run: async ({ input, tx, note, unchanged }): Promise<StaffMember> => {
    const before = await findForUpdate(tx, input.id);
    if (before.role === input.role) {
      unchanged();
      return toStaffMember(before);
    }
    const after = await updateAndEndSessions(tx, input.id, { role: input.role });
    note({ email: after.email, from: before.role, to: after.role });
    return toStaffMember(after);
  },
});

function activeCommand(action: "user.deactivate" | "user.reactivate") {
  return defineCommand({
    action,
    surface: "user",
    capability: "users:manage",
    input: activeSchema,
    authorize: refuseSelf(SELF_ACTIVE),
    target: targetUser,
    run: async ({ input, tx, note, unchanged }): Promise<StaffMember> => {
      const before = await findForUpdate(tx, input.id);
      if (before.active === input.active) {
        unchanged();
        return toStaffMember(before);
      }
      const after = await updateAndEndSessions(tx, input.id, { active: input.active });
      note({ email: after.email });
      return toStaffMember(after);
    },
  });
}
const deactivate = activeCommand("user.deactivate");
const reactivate = activeCommand("user.reactivate");

/**
 * Deactivating ends the person's sessions at once; reactivating lets them sign
 * in again. Which of the two audit actions applies is read from the raw input
 * (only `active: true` reactivates), so even a refused attempt is logged as what it tried.
 */
export async function setStaffMemberActive(input: unknown): Promise<StaffMember> {
  const wantsActive = typeof input === "object" && input !== null && (input as { active?: unknown }).active === true;
  return (wantsActive ? reactivate : deactivate)(input);
}

/** An administrator sets a new password; the person's existing sessions end. */
export const resetStaffPassword = defineCommand({
  action: "user.password_reset",
  surface: "user",
  capability: "users:manage",
  input: passwordSchema,
  authorize: async ({ input }) => ({ passwordHash: await hashPassword(input.password) }),
  target: targetUser,
  run: async ({ user, input, resource, tx, note }): Promise<StaffMember> => {
    await findForUpdate(tx, input.id);
    const after = await updateAndEndSessions(tx, input.id, { passwordHash: resource.passwordHash });
    note({ email: after.email, own: user.id === input.id });
    return toStaffMember(after);
  },
});

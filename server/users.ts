import "server-only";
import type { AuditAction } from "@/lib/audit-actions";
import { asc, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "@/db/client";
import { users } from "@/db/schema";
import type { Role } from "@/lib/vocabulary";
import { describeIssues } from "@/lib/article-input";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/password";
import { newStaffSchema, staffPasswordSchema, staffRoleSchema } from "@/lib/staff-input";
import { recordAudit } from "./audit";
import { denyAccess, requireCapability, type CurrentUser } from "./auth/current-user";
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
const role = staffRoleSchema;
const password = staffPasswordSchema;
const createSchema = newStaffSchema;
const roleSchema = z.object({ id: userId, role }).strict();
const activeSchema = z.object({ id: userId, active: z.boolean() }).strict();
const passwordSchema = z.object({ id: userId, password }).strict();

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const { message, fields } = describeIssues(parsed.error);
    throw new AppError("bad_request:user", message, { fields });
  }
  return parsed.data;
}

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

/** Nobody administers their own account here: no raising, changing or switching off oneself. */
async function refuseSelf(admin: CurrentUser, id: number, action: AuditAction, message: string) {
  if (admin.id === id) await denyAccess(admin, "user", action, message, { type: "user", id });
}

export async function listStaffMembers(): Promise<StaffMember[]> {
  await requireCapability("users:manage", "user", "user.list");
  const db = await getDatabase();
  const rows = await db.select().from(users).orderBy(desc(users.active), asc(users.name), asc(users.id));
  return rows.map(toStaffMember);
}

export async function createStaffMember(input: unknown): Promise<StaffMember> {
  const admin = await requireCapability("users:manage", "user", "user.create");
  const data = parse(createSchema, input);
  const passwordHash = await hashPassword(data.password);
  const db = await getDatabase();
  try {
    return await db.transaction(async (tx) => {
      const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, data.email));
      if (taken) throw duplicateEmail(data.email);
      const [row] = await tx.insert(users).values({ email: data.email, name: data.name, role: data.role, passwordHash }).returning();
      await recordAudit(tx, {
        actor: admin,
        action: "user.create",
        outcome: "ok",
        targetType: "user",
        targetId: row!.id,
        details: { email: row!.email, role: row!.role },
      });
      return toStaffMember(row!);
    });
  } catch (error) {
    // Two admins creating the same email at once: the unique index decides.
    if (!(error instanceof AppError) && /UNIQUE constraint failed: users\.email/.test(String((error as { cause?: unknown }).cause ?? error))) {
      throw duplicateEmail(data.email);
    }
    throw error;
  }
}

function duplicateEmail(email: string) {
  return new AppError("conflict:user", `A staff account with the email ${email} already exists.`, {
    fields: { email: "This email already has a staff account" },
  });
}

export async function changeStaffRole(input: unknown): Promise<StaffMember> {
  const admin = await requireCapability("users:manage", "user", "user.role_change");
  const data = parse(roleSchema, input);
  await refuseSelf(admin, data.id, "user.role_change", "You cannot change your own role. Ask another administrator.");
  const db = await getDatabase();
  return db.transaction(async (tx) => {
    const before = await findForUpdate(tx, data.id);
    if (before.role === data.role) return toStaffMember(before);
    const after = await updateAndEndSessions(tx, data.id, { role: data.role });
    await recordAudit(tx, {
      actor: admin,
      action: "user.role_change",
      outcome: "ok",
      targetType: "user",
      targetId: data.id,
      details: { email: after.email, from: before.role, to: after.role },
    });
    return toStaffMember(after);
  });
}

/** Deactivating ends the person's sessions at once; reactivating lets them sign in again. */
export async function setStaffMemberActive(input: unknown): Promise<StaffMember> {
  const action = typeof input === "object" && input !== null && (input as { active?: unknown }).active === true ? "user.reactivate" : "user.deactivate";
  const admin = await requireCapability("users:manage", "user", action);
  const data = parse(activeSchema, input);
  await refuseSelf(admin, data.id, action, "You cannot deactivate or reactivate your own account.");
  const db = await getDatabase();
  return db.transaction(async (tx) => {
    const before = await findForUpdate(tx, data.id);
    if (before.active === data.active) return toStaffMember(before);
    const after = await updateAndEndSessions(tx, data.id, { active: data.active });
    await recordAudit(tx, { actor: admin, action, outcome: "ok", targetType: "user", targetId: data.id, details: { email: after.email } });
    return toStaffMember(after);
  });
}

/** An administrator sets a new password; the person's existing sessions end. */
export async function resetStaffPassword(input: unknown): Promise<StaffMember> {
  const admin = await requireCapability("users:manage", "user", "user.password_reset");
  const data = parse(passwordSchema, input);
  const passwordHash = await hashPassword(data.password);
  const db = await getDatabase();
  return db.transaction(async (tx) => {
    await findForUpdate(tx, data.id);
    const after = await updateAndEndSessions(tx, data.id, { passwordHash });
    await recordAudit(tx, {
      actor: admin,
      action: "user.password_reset",
      outcome: "ok",
      targetType: "user",
      targetId: data.id,
      details: { email: after.email, own: admin.id === data.id },
    });
    return toStaffMember(after);
  });
}

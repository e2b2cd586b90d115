import { randomUUID } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, users, type Role } from "@/db/schema";
import { hashPassword } from "@/lib/password";
import { actAs } from "../support/session";

/** Shared helpers of the users-admin integration tests: accounts as stored, demo sign-ins, a fresh account per test. */
export const KNOWN_PASSWORD = "correct-horse-battery";
/** The hash of KNOWN_PASSWORD, made once per test file on first use. */
let knownHash: Promise<string> | undefined;

/** The account as the database holds it now: a session for it carries this session version. */
export async function account(db: Database, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  if (!row) throw new Error(`No account ${email}`);
  return row;
}
export const demo = (db: Database, role: Role) => account(db, `${role}@koho.example`);
export async function signInAs(db: Database, role: Role) {
  const row = await demo(db, role);
  actAs(row);
  return row;
}

/** A fresh account for one test, so no test depends on another's changes. */
export async function target(db: Database, role: Role = "writer") {
  const email = `staff-${randomUUID().slice(0, 8)}@koho.example`;
  const [row] = await db
    .insert(users)
    .values({ email, name: `Temp ${role}`, role, passwordHash: await (knownHash ??= hashPassword(KNOWN_PASSWORD)) })
    .returning();
  return row!;
}

export async function lastAudit(db: Database, action: string) {
  const [row] = await db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).limit(1);
  return row;
}

export const snapshot = (db: Database) => db.select().from(users).orderBy(users.id);

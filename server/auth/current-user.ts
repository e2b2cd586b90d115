import "server-only";
import { cache } from "react";
import { auth } from "@/auth";
import type { Role } from "@/db/schema";
import type { AuditAction } from "@/lib/audit-actions";
import { AppError, type ErrorSurface } from "@/lib/errors";
import { can, type Capability } from "@/lib/permissions";
import { recordAudit } from "../audit";
import { getDatabase } from "../db";

export type CurrentUser = { id: number; email: string; name: string; role: Role };

/**
 * The signed-in staff member, read once per request. The session cookie is
 * only a claim: the account must still exist, be active, and carry the same
 * session version (bumped on deactivation, role or password change). The
 * session itself (signed out? past its 12 h?) is checked in auth.ts's jwt
 * callback, which every auth() call runs, so a revoked one arrives here as null.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = (await auth()) as { uid?: number; sv?: number } | null;
  if (!session?.uid || session.sv === undefined) return null;
  const db = await getDatabase();
  const user = await db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, session.uid!) });
  if (!user || !user.active || user.sessionVersion !== session.sv) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized:auth", "Your session has ended. Sign in again to continue.");
  return user;
}

/** Denials are refused and written to the audit log with what was attempted. */
export async function denyAccess(
  user: CurrentUser,
  surface: ErrorSurface,
  action: AuditAction,
  message: string,
  target?: { type: string; id: string | number },
): Promise<never> {
  const db = await getDatabase();
  await recordAudit(db, {
    actor: { id: user.id, email: user.email },
    action,
    outcome: "denied",
    targetType: target?.type,
    targetId: target?.id,
    details: { role: user.role },
  });
  throw new AppError(`forbidden:${surface}`, message);
}

export async function requireCapability(capability: Capability, surface: ErrorSurface, action: AuditAction): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user, capability)) await denyAccess(user, surface, action, "Your role does not allow this.");
  return user;
}

import "server-only";
import { lt } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { AuditAction } from "@/lib/audit-actions";

type Executor = Pick<Database, "insert">;

export type AuditEntry = {
  actor: { id: number; email: string } | null;
  /** Who, when there is no account (an unknown email at sign-in, "anonymous"). */
  actorLabel?: string;
  action: AuditAction;
  outcome: "ok" | "denied" | "failed";
  targetType?: string;
  targetId?: string | number;
  ip?: string | null;
  details?: Record<string, unknown>;
};

/** Appends to the audit log; pass the transaction of the change so both land or neither does. */
export async function recordAudit(executor: Executor, entry: AuditEntry): Promise<void> {
  await executor.insert(auditLog).values({
    actorId: entry.actor?.id ?? null,
    actorLabel: entry.actor?.email ?? entry.actorLabel ?? "anonymous",
    action: entry.action,
    outcome: entry.outcome,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId === undefined ? null : String(entry.targetId),
    ip: entry.ip ?? null,
    details: entry.details ?? null,
  });
}

/**
 * Audit entries are kept a year: long enough for the yearly review and any
 * complaint about who did what, short enough that sign-in floods do not pile
 * up for ever. Pruned on sign-in (server/auth/retention.ts); documented in the README.
 */
export const AUDIT_RETENTION_DAYS = 365;

export async function pruneAuditLog(executor: Pick<Database, "delete">, now = new Date()) {
  await executor.delete(auditLog).where(lt(auditLog.at, new Date(now.getTime() - AUDIT_RETENTION_DAYS * 24 * 60 * 60 * 1000)));
}

import "server-only";
import type { Database } from "@/db/client";
import { auditLog } from "@/db/schema";

type Executor = Pick<Database, "insert">;

export type AuditEntry = {
  actor: { id: number; email: string } | null;
  /** Who, when there is no account (an unknown email at sign-in, "anonymous"). */
  actorLabel?: string;
  action: string;
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

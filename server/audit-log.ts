import "server-only";
import { and, count, desc, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import { auditLog } from "@/db/schema";
import { describeIssues } from "@/lib/article-input";
import { AppError } from "@/lib/errors";
import { pageCount } from "@/lib/pagination";
import { requireCapability } from "./auth/current-user";
import { getDatabase } from "./db";

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_OUTCOMES = ["ok", "denied", "failed"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export type AuditLogEntry = {
  id: number;
  at: string;
  actorId: number | null;
  actorLabel: string;
  action: string;
  outcome: AuditOutcome;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
};

export type AuditLogPage = {
  entries: AuditLogEntry[];
  page: number;
  pageSize: number;
  total: number;
  totalPages: number;
  /** Every action name in the log, for the filter. */
  actions: string[];
};

const querySchema = z
  .object({
    page: z.number().int().min(1).max(1_000_000).default(1),
    action: z
      .string()
      .max(64)
      .regex(/^[a-z][a-z0-9_.:-]*$/, "Action names use lowercase letters, digits, dots and underscores")
      .optional(),
    outcome: z.enum(AUDIT_OUTCOMES).optional(),
  })
  .strict();

/** The audit log for administrators, newest first, 50 to a page, filtered by action and outcome. */
export async function listAuditEntries(input: unknown): Promise<AuditLogPage> {
  await requireCapability("audit:view", "request", "audit.view");
  const parsed = querySchema.safeParse(input ?? {});
  if (!parsed.success) {
    const { message, fields } = describeIssues(parsed.error);
    throw new AppError("bad_request:request", message, { fields });
  }
  const { page, action, outcome } = parsed.data;
  const conditions: SQL[] = [];
  if (action) conditions.push(eq(auditLog.action, action));
  if (outcome) conditions.push(eq(auditLog.outcome, outcome));
  const where = conditions.length ? and(...conditions) : undefined;

  const db = await getDatabase();
  const [rows, [totals], actions] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((page - 1) * AUDIT_PAGE_SIZE),
    db.select({ total: count() }).from(auditLog).where(where),
    db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action),
  ]);
  const total = totals?.total ?? 0;
  return {
    entries: rows.map((r) => ({ ...r, at: r.at.toISOString() })),
    page,
    pageSize: AUDIT_PAGE_SIZE,
    total,
    totalPages: pageCount(total, AUDIT_PAGE_SIZE),
    actions: actions.map((a) => a.action),
  };
}

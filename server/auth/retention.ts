import "server-only";
import type { Database } from "@/db/client";
import { pruneAuditLog } from "../audit";
import { pruneExpiredSessions } from "./sessions";
import { pruneThrottle } from "./throttle";

/**
 * Sign-in records are kept only as long as they are needed (see README,
 * "Retention"): throttle counters for a day, sessions until their absolute
 * end, the audit log for a year. Pruning rides on sign-in, the one place
 * these records are written in bulk, so no separate job has to run.
 */
export async function pruneAuthRecords(db: Database, now = new Date()) {
  await pruneThrottle(db, now);
  await pruneExpiredSessions(db, now);
  await pruneAuditLog(db, now);
}

/** A flood of sign-ins should not also be a flood of deletes: at most once a minute per process. */
const PRUNE_INTERVAL_MS = 60_000;
let lastPrunedAt = Number.NEGATIVE_INFINITY;

export async function pruneOpportunistically(db: Database, now = new Date()) {
  if (now.getTime() - lastPrunedAt < PRUNE_INTERVAL_MS) return;
  lastPrunedAt = now.getTime();
  await pruneAuthRecords(db, now);
}

import "server-only";
import { appState } from "@/db/schema";
import type { AuditAction } from "@/lib/audit-actions";
import { AppError } from "@/lib/errors";
import { recordAudit } from "../audit";
import { recordTagExpirations } from "../cache-invalidation";
import { getDatabase } from "../db";
import { publicRead } from "../public-read";
import type { AnyEditorialType, EditorialKind } from "./define-editorial-type";
import { dueEditions, editionById, updateEdition } from "./edition-rows";
import { publishEdition } from "./publish";
import { EDITORIAL_TYPES } from "./registry";

export const SCHEDULER_HEARTBEAT_KEY = "scheduler.last_run";

export type SchedulerRun = {
  ranAt: string;
  /** Item ids that went live, by content type. */
  published: Record<EditorialKind, number[]>;
  failed: Record<EditorialKind, { id: number; error: string }[]>;
  /** Public tags of everything that went live; already recorded durably, the caller expires them in its process. */
  expireTags: string[];
};

/**
 * Publishes every scheduled edition whose time has come, of every registered
 * type. Each edition goes out in its own transaction and only moves from
 * "scheduled" once, so nothing is published twice and anything missed while
 * the server was down goes out at the next run. A failure is written on the
 * edition (in its own guarded transaction) and never stops the others, nor
 * the expiry of what did go out in the same tick.
 */
// Needs no session: its only callers are the in-process scheduler timer (instrumentation.ts) and
// POST /api/scheduler/run, which checks the scheduler token first. A write, so not a publicRead.
export async function publishDue(now: Date = new Date()): Promise<SchedulerRun> {
  const db = await getDatabase();
  const kinds = Object.keys(EDITORIAL_TYPES) as EditorialKind[];
  const byKind = <T>() => Object.fromEntries(kinds.map((kind) => [kind, [] as T[]])) as Record<EditorialKind, T[]>;
  const run: SchedulerRun = { ranAt: now.toISOString(), published: byKind(), failed: byKind(), expireTags: [] };
  for (const type of Object.values(EDITORIAL_TYPES) as AnyEditorialType[]) {
    for (const due of await dueEditions(db, type, now)) {
      const action = `${type.kind}.scheduled_publish` as AuditAction;
      try {
        const tags = await db.transaction(async (tx) => {
          const edition = await editionById(tx, type, due.editionId);
          if (!edition || edition.state !== "scheduled") return null;
          const item = await type.loadForCaller(tx, due.itemId);
          await publishEdition(type, { tx, item, edition, actorId: null, now });
          await recordAudit(tx, {
            actor: null,
            actorLabel: "scheduler",
            action,
            outcome: "ok",
            targetType: type.kind,
            targetId: item.id,
            details: { edition: edition.number, scheduledFor: edition.scheduledFor?.toISOString() },
          });
          const itemTags = type.tagsFor(item);
          await recordTagExpirations(tx, itemTags);
          return itemTags;
        });
        if (tags) {
          run.published[type.kind].push(due.itemId);
          run.expireTags.push(...tags);
        }
      } catch (error) {
        const message = error instanceof AppError ? error.message : "An unexpected error stopped the publication; see the server log.";
        if (!(error instanceof AppError)) console.error("Scheduled publication failed", error);
        run.failed[type.kind].push({ id: due.itemId, error: message });
        await flagFailure(type, due, message, action);
      }
    }
  }
  const summary = JSON.stringify({
    published: Object.values(run.published).flat().length,
    failed: Object.values(run.failed).flat().length,
  });
  await db
    .insert(appState)
    .values({ key: SCHEDULER_HEARTBEAT_KEY, value: summary, updatedAt: now })
    .onConflictDoUpdate({ target: appState.key, set: { value: summary, updatedAt: now } });
  run.expireTags = [...new Set(run.expireTags)];
  return run;
}

/** Writes the failure on the edition for the dashboard. Guarded: if even that write fails, the tick goes on. */
async function flagFailure(type: AnyEditorialType, due: { editionId: number; itemId: number }, message: string, action: AuditAction) {
  try {
    const db = await getDatabase();
    await db.transaction(async (tx) => {
      await updateEdition(tx, type, due.editionId, { scheduleError: message });
      await recordAudit(tx, {
        actor: null,
        actorLabel: "scheduler",
        action,
        outcome: "failed",
        targetType: type.kind,
        targetId: due.itemId,
        details: { error: message },
      });
    });
  } catch (flagError) {
    // The item stays scheduled and overdue; the next tick tries again and the health check shows the backlog.
    console.error("Could not flag a failed scheduled publication", flagError);
  }
}

/** When the scheduler last ran, for the health check and the dashboard. */
export const lastSchedulerRun = publicRead(
  "a time of day, shown on the public health check",
  async function lastSchedulerRun(): Promise<Date | null> {
    const db = await getDatabase();
    const row = await db.query.appState.findFirst({ where: (s, { eq: is }) => is(s.key, SCHEDULER_HEARTBEAT_KEY) });
    return row?.updatedAt ?? null;
  },
);

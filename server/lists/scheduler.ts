import "server-only";
import { and, asc, eq, isNull, lte } from "drizzle-orm";
import { recommendationListEditions } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit } from "../audit";
import { recordTagExpirations } from "../cache-invalidation";
import { getDatabase } from "../db";
import { loadList, publishListEditionInTransaction } from "./editions";
import { LIST_PUBLIC_TAGS } from "./workflow";

export type ListSchedulerRun = { published: number[]; failed: { listId: number; error: string }[]; expireTags: string[] };

/**
 * Publishes every scheduled list edition whose time has come, once: the
 * edition only moves from "scheduled" inside the transaction that publishes
 * it. Run by the scheduler tick (its route checks the scheduler token), not
 * by people, so it takes no session.
 */
export async function publishDueListEditions(now = new Date()): Promise<ListSchedulerRun> {
  const db = await getDatabase();
  const due = await db
    .select({ editionId: recommendationListEditions.id, listId: recommendationListEditions.listId })
    .from(recommendationListEditions)
    .where(and(eq(recommendationListEditions.state, "scheduled"), lte(recommendationListEditions.scheduledFor, now), isNull(recommendationListEditions.scheduleError)))
    .orderBy(asc(recommendationListEditions.scheduledFor));
  const run: ListSchedulerRun = { published: [], failed: [], expireTags: [] };
  for (const item of due) {
    try {
      const done = await db.transaction(async (tx) => {
        const edition = await tx.query.recommendationListEditions.findFirst({ where: (e, { eq: is }) => is(e.id, item.editionId) });
        if (!edition || edition.state !== "scheduled") return false;
        await publishListEditionInTransaction(tx, await loadList(tx, item.listId), edition, { actorId: null, now });
        await recordAudit(tx, {
          actor: null,
          actorLabel: "scheduler",
          action: "list.scheduled_publish",
          outcome: "ok",
          targetType: "list",
          targetId: item.listId,
          details: { edition: edition.number, scheduledFor: edition.scheduledFor?.toISOString() },
        });
        await recordTagExpirations(tx, LIST_PUBLIC_TAGS);
        return true;
      });
      if (done) run.published.push(item.listId);
    } catch (error) {
      const message = error instanceof AppError ? error.message : "An unexpected error stopped the publication; see the server log.";
      if (!(error instanceof AppError)) console.error("Scheduled list publication failed", error);
      run.failed.push({ listId: item.listId, error: message });
      await db.transaction(async (tx) => {
        await tx.update(recommendationListEditions).set({ scheduleError: message }).where(eq(recommendationListEditions.id, item.editionId));
        await recordAudit(tx, { actor: null, actorLabel: "scheduler", action: "list.scheduled_publish", outcome: "failed", targetType: "list", targetId: item.listId, details: { error: message } });
      });
    }
  }
  if (run.published.length > 0) run.expireTags = [...LIST_PUBLIC_TAGS];
  return run;
}

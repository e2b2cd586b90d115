import "server-only";
import { and, asc, eq, isNull, lte } from "drizzle-orm";
import { appState, articleEditions } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit } from "../audit";
import { publicTagsForArticle, recordTagExpirations } from "../cache-invalidation";
import { getDatabase } from "../db";
import { publishEditionInTransaction } from "./publish";

export const SCHEDULER_HEARTBEAT_KEY = "scheduler.last_run";

export type SchedulerRun = { published: number[]; failed: { articleId: number; error: string }[]; expireTags: string[]; ranAt: string };

/**
 * Publishes every scheduled edition whose time has come. Safe to run as often
 * as you like and from a restarted process: an edition only moves from
 * "scheduled" once (the UPDATE checks its state), so nothing is published
 * twice, and anything missed while the server was down goes out at the next
 * run. A failure is written on the edition and shown on the dashboard.
 */
export async function publishDueEditions(now = new Date()): Promise<SchedulerRun> {
  const db = await getDatabase();
  const due = await db
    .select({ editionId: articleEditions.id, articleId: articleEditions.articleId })
    .from(articleEditions)
    .where(and(eq(articleEditions.state, "scheduled"), lte(articleEditions.scheduledFor, now), isNull(articleEditions.scheduleError)))
    .orderBy(asc(articleEditions.scheduledFor));

  const run: SchedulerRun = { published: [], failed: [], expireTags: [], ranAt: now.toISOString() };
  for (const item of due) {
    try {
      const slug = await db.transaction(async (tx) => {
        const article = await tx.query.articles.findFirst({ where: (a, { eq: is }) => is(a.id, item.articleId) });
        const edition = await tx.query.articleEditions.findFirst({ where: (e, { eq: is }) => is(e.id, item.editionId) });
        if (!article || !edition || edition.state !== "scheduled") return null;
        await publishEditionInTransaction(tx, article, edition, { actorId: null, now });
        await recordAudit(tx, {
          actor: null,
          actorLabel: "scheduler",
          action: "article.scheduled_publish",
          outcome: "ok",
          targetType: "article",
          targetId: article.id,
          details: { edition: edition.number, scheduledFor: edition.scheduledFor?.toISOString() },
        });
        await recordTagExpirations(tx, publicTagsForArticle(article.slug));
        return article.slug;
      });
      if (slug) {
        run.published.push(item.articleId);
        run.expireTags.push(...publicTagsForArticle(slug));
      }
    } catch (error) {
      const message = error instanceof AppError ? error.message : "An unexpected error stopped the publication; see the server log.";
      if (!(error instanceof AppError)) console.error("Scheduled publication failed", error);
      run.failed.push({ articleId: item.articleId, error: message });
      try {
        await db.transaction(async (tx) => {
          await tx.update(articleEditions).set({ scheduleError: message }).where(eq(articleEditions.id, item.editionId));
          await recordAudit(tx, { actor: null, actorLabel: "scheduler", action: "article.scheduled_publish", outcome: "failed", targetType: "article", targetId: item.articleId, details: { error: message } });
        });
      } catch (flagError) {
        // The item stays scheduled and overdue; the next tick tries again and the health check shows the backlog.
        console.error("Could not flag a failed scheduled publication", flagError);
      }
    }
  }
  await db
    .insert(appState)
    .values({ key: SCHEDULER_HEARTBEAT_KEY, value: JSON.stringify({ published: run.published.length, failed: run.failed.length }), updatedAt: now })
    .onConflictDoUpdate({ target: appState.key, set: { value: JSON.stringify({ published: run.published.length, failed: run.failed.length }), updatedAt: now } });
  return run;
}

/** When the scheduler last ran, for the health check and the dashboard. */
export async function lastSchedulerRun(): Promise<Date | null> {
  const db = await getDatabase();
  const row = await db.query.appState.findFirst({ where: (s, { eq: is }) => is(s.key, SCHEDULER_HEARTBEAT_KEY) });
  return row?.updatedAt ?? null;
}


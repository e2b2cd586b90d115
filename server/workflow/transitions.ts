import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { articleEditions, articles, reviewComments } from "@/db/schema";
import { describeIssues } from "@/lib/article-input";
import { AppError } from "@/lib/errors";
import { canEditArticle, ROLE_CAPABILITIES } from "@/lib/permissions";
import { tokyoLocalDateTimeSchema } from "@/lib/schedule-time";
import { TRANSITIONS, transitionRefusal, VERSIONED_TRANSITIONS, type TransitionName } from "@/lib/workflow";
import { recordAudit } from "../audit";
import { denyAccess, requireCapability } from "../auth/current-user";
import { publicTagsForArticle, recordTagExpirations } from "../cache-invalidation";
import { getDatabase } from "../db";
import { getLatestEdition } from "../articles/editions";
import { publishEditionInTransaction } from "./publish";

const TRANSITION_NAMES = Object.keys(TRANSITIONS) as [TransitionName, ...TransitionName[]];

export const transitionInputSchema = z
  .object({
    articleId: z.coerce.number().int().positive(),
    transition: z.enum(TRANSITION_NAMES, { error: "Unknown workflow step" }),
    /** The item's version when the person read it (the panel's hidden field); required to release words. */
    version: z.coerce.number().int().positive().optional(),
    comment: z.string().trim().max(5_000, "Comments are at most 5,000 characters").optional(),
    reason: z.string().trim().max(2_000).optional(),
    scheduledFor: tokyoLocalDateTimeSchema.optional(),
    changeType: z.enum(["minor", "major"]).optional(),
    changeNote: z.string().trim().max(300, "Change notes are at most 300 characters").optional(),
  })
  .strict();

export type TransitionInput = z.input<typeof transitionInputSchema>;

/** A scheduled time must leave the scheduler a moment to see it. */
const MIN_SCHEDULE_LEAD_MS = 30_000;

/**
 * Moves an item's newest edition one step through the workflow. Every rule —
 * allowed states, capability, the two-person rule, required notes — is
 * checked here, so a forged request gets the same refusal the UI would show.
 * Returns the public cache tags the caller must expire (none unless it went public).
 */
export async function applyTransition(input: unknown, now = new Date()): Promise<{ state: string; expireTags: string[] }> {
  const parsed = transitionInputSchema.safeParse(input);
  if (!parsed.success) {
    const { message, fields } = describeIssues(parsed.error);
    throw new AppError("bad_request:article", message, { fields });
  }
  const data = parsed.data;
  const transition = TRANSITIONS[data.transition];
  const user = await requireCapability("studio:use", "article", `article.${transition.name}`);
  const db = await getDatabase();
  const article = await db.query.articles.findFirst({ where: (a, { eq: is }) => is(a.id, data.articleId) });
  if (!article) throw new AppError("not_found:article", "There is no news item with that number.");
  const edition = await getLatestEdition(db, article.id);
  if (!edition) throw new AppError("not_found:article", "This item has no edition.");

  const actor = { id: user.id, capabilities: ROLE_CAPABILITIES[user.role] };
  const refusal = transitionRefusal(transition, actor, edition);
  const ownsOrEdits = canEditArticle(user, article);
  if (refusal || ((transition.name === "submit" || transition.name === "return_to_draft") && !ownsOrEdits)) {
    const message = refusal ?? "Only the author or an editor can move this item.";
    if (!transition.from.includes(edition.state)) throw new AppError("conflict:article", message);
    await denyAccess(user, "article", `article.${transition.name}`, message, { type: "article", id: article.id });
  }
  if (VERSIONED_TRANSITIONS.includes(transition.name)) {
    if (data.version === undefined) throw new AppError("bad_request:article", `“${transition.label}” must name the version you read. Reload the item and try again.`, { fields: { version: "Required" } });
    if (data.version !== article.version) throw staleVersion(transition.label, data.version, article.version);
  }
  if (transition.name === "request_changes" && !data.comment) {
    throw new AppError("bad_request:article", "Say what needs to change: the author will see your comment.", { fields: { comment: "Required" } });
  }
  if (transition.name === "force_publish" && (data.reason ?? "").length < 10) {
    throw new AppError("bad_request:article", "Publishing without review needs a written reason (at least 10 characters).", { fields: { reason: "Required" } });
  }
  if (transition.name === "schedule") {
    if (!data.scheduledFor) throw new AppError("bad_request:article", "Choose when the item goes live (Tokyo time).", { fields: { scheduledFor: "Required" } });
    if (data.scheduledFor.getTime() < now.getTime() + MIN_SCHEDULE_LEAD_MS) {
      throw new AppError("bad_request:article", "The scheduled time must be in the future. To publish now, use “Publish now”.", { fields: { scheduledFor: "Must be in the future" } });
    }
  }

  return db.transaction(async (tx) => {
    if (VERSIONED_TRANSITIONS.includes(transition.name)) {
      // Again inside the write, where no save can slip in between the check and the step.
      const [fresh] = await tx.select({ version: articles.version }).from(articles).where(eq(articles.id, article.id));
      if (fresh!.version !== data.version) throw staleVersion(transition.label, data.version!, fresh!.version);
    }
    if (transition.name === "submit") {
      // A new submission is a new thing to read, even with the same words (a new hero, say): approvals of the old one no longer fit.
      await tx.update(articles).set({ version: sql`${articles.version} + 1`, updatedAt: now }).where(eq(articles.id, article.id));
    }
    const changeFields =
      ["publish", "schedule", "force_publish"].includes(transition.name) && article.firstPublishedAt
        ? { changeType: data.changeType ?? edition.changeType, changeNote: data.changeNote ?? edition.changeNote }
        : {};
    const current = { ...edition, ...changeFields };
    let expireTags: string[] = [];

    if (transition.to === "published") {
      if (Object.keys(changeFields).length > 0) await tx.update(articleEditions).set(changeFields).where(eq(articleEditions.id, edition.id));
      await publishEditionInTransaction(tx, article, current, {
        actorId: user.id,
        now,
        forcedReason: transition.name === "force_publish" ? data.reason : undefined,
      });
      expireTags = publicTagsForArticle(article.slug);
      await recordTagExpirations(tx, expireTags);
    } else {
      if (transition.name === "schedule" && article.firstPublishedAt && !current.changeType) {
        throw new AppError("bad_request:article", "Say whether this is a minor or a major change before scheduling it.", { fields: { changeType: "Choose minor or major" } });
      }
      if (transition.name === "schedule" && current.changeType === "major" && !current.changeNote?.trim()) {
        throw new AppError("bad_request:article", "A major change needs a public change note.", { fields: { changeNote: "Required for a major change" } });
      }
      const moved = await tx
        .update(articleEditions)
        .set({
          ...changeFields,
          state: transition.to,
          updatedAt: now,
          ...(transition.name === "approve" ? { reviewedById: user.id } : {}),
          ...(transition.name === "schedule" ? { scheduledFor: data.scheduledFor, scheduleError: null } : {}),
          ...(transition.name === "unschedule" ? { scheduledFor: null, scheduleError: null } : {}),
        })
        .where(and(eq(articleEditions.id, edition.id), eq(articleEditions.state, edition.state)))
        .returning({ id: articleEditions.id });
      if (moved.length === 0) throw new AppError("conflict:article", "Someone else changed this item's state a moment ago. Reload to see it.");
    }

    if (transition.name === "return_to_draft") {
      // The reviewer learns the words they may have read are open again and will come back as a new submission.
      await tx.insert(reviewComments).values({
        articleId: article.id,
        editionId: edition.id,
        authorId: user.id,
        kind: "comment",
        body: `${user.name} returned this item to draft from ${edition.state === "approved" ? "approved" : "review"} to change it${data.comment ? `: ${data.comment}` : ""}. It needs a new review once it is sent again.`,
        createdAt: now,
      });
    } else if (data.comment || transition.name === "request_changes" || transition.name === "approve") {
      await tx.insert(reviewComments).values({
        articleId: article.id,
        editionId: edition.id,
        authorId: user.id,
        kind: transition.name === "request_changes" ? "changes_requested" : transition.name === "approve" ? "approved" : "comment",
        body: data.comment || (transition.name === "approve" ? "Approved." : ""),
        createdAt: now,
      });
    }
    await recordAudit(tx, {
      actor: user,
      action: `article.${transition.name}`,
      outcome: "ok",
      targetType: "article",
      targetId: article.id,
      details: {
        edition: edition.number,
        from: edition.state,
        to: transition.to,
        ...(data.reason ? { reason: data.reason } : {}),
        ...(data.scheduledFor ? { scheduledFor: data.scheduledFor.toISOString() } : {}),
      },
    });
    return { state: transition.to, expireTags };
  });
}

function staleVersion(label: string, seen: number, current: number) {
  return new AppError(
    "conflict:article",
    `This item changed since you opened it (you read version ${seen}, it is now ${current}), so “${label}” would not be of the words you read. Reload it, read it again, then decide.`,
    { seenVersion: seen, currentVersion: current },
  );
}

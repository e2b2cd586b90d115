import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { subscriberCategories, subscribers } from "@/db/schema";
import * as drafts from "@/server/articles/drafts";
import * as queries from "@/server/articles/studio-queries";
import * as flow from "@/server/editorial/transitions";
import { newTokenSalt } from "@/server/subscriptions/tokens";
import { actAs } from "../support/session";
import { body, draftPayload, seenVersion } from "../support/workflow";
import { writtenAndSubmitted } from "./workflow-fixtures";

type Options = { language?: string; frequency?: "immediate" | "daily"; digestHour?: number; categoryIds?: number[]; confirmedAt?: Date };

/** Confirmed subscribers, written straight into the table (the subscribe flow has its own tests). */
export async function addSubscribers(db: Database, emails: string[], options: Options = {}) {
  const confirmedAt = options.confirmedAt ?? new Date(Date.now() - 60_000);
  const rows = await db
    .insert(subscribers)
    .values(
      emails.map((email) => ({
        email,
        status: "confirmed" as const,
        language: options.language ?? "en",
        allCategories: !options.categoryIds,
        frequency: options.frequency ?? "immediate",
        digestHour: options.digestHour ?? 8,
        tokenSalt: newTokenSalt(),
        confirmedAt,
        digestCoveredUntil: confirmedAt,
      })),
    )
    .returning();
  if (options.categoryIds?.length) {
    await db
      .insert(subscriberCategories)
      .values(rows.flatMap((r) => options.categoryIds!.map((categoryId) => ({ subscriberId: r.id, categoryId }))));
  }
  return rows;
}

/** A writer's item, approved and published by the publisher through the workflow, as in the studio. */
export async function publishedThroughWorkflow(db: Database, title: string, options: { now?: Date } = {}) {
  const item = await writtenAndSubmitted(title);
  actAs("publisher");
  await flow.applyTransition("article", { articleId: item.id, version: await seenVersion(db, item.id), transition: "approve" });
  await flow.applyTransition("article", { articleId: item.id, version: await seenVersion(db, item.id), transition: "publish" }, options);
  return item;
}

export async function deliveryCounts(db: Database, articleId: number) {
  return db.all<{ kind: string; status: string; n: number }>(
    sql`SELECT kind, status, count(*) AS n FROM mail_deliveries WHERE article_id = ${articleId} GROUP BY kind, status ORDER BY kind, status`,
  );
}

/** A new edition of a published item, through the workflow, published as a minor or major change. */
export async function republished(
  db: Database,
  item: { id: number; slug: string },
  change: { changeType: "minor" | "major"; changeNote?: string; text: string },
) {
  actAs("writer");
  const current = await queries.getArticleForEditing({ id: item.id });
  await drafts.saveArticleDraft(
    draftPayload(item.id, current.version, { slug: item.slug, title: current.edition.title, body: body(change.text) }),
  );
  await flow.applyTransition("article", { articleId: item.id, transition: "submit" });
  actAs("publisher");
  await flow.applyTransition("article", { articleId: item.id, version: await seenVersion(db, item.id), transition: "approve" });
  await flow.applyTransition("article", {
    articleId: item.id,
    version: await seenVersion(db, item.id),
    transition: "publish",
    changeType: change.changeType,
    ...(change.changeNote ? { changeNote: change.changeNote } : {}),
  });
}

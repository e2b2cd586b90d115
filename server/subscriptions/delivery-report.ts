import "server-only";
import { and, asc, count, desc, eq, max, sql } from "drizzle-orm";
import { z } from "zod";
import { mailDeliveries, outboxEvents, subscribers, websubPings } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { maskEmail } from "@/lib/subscribers/mask-email";
import { DELIVERY_STATUSES, type DeliveryStatus, type OutboxEventKind } from "@/lib/vocabulary";
import { getLatestEdition, loadArticle } from "../articles/editions";
import { requireCapability } from "../auth/current-user";
import { getDatabase } from "../db";

/** The messages about one item; digests are counted apart (one digest can carry many items). */
export const REPORT_KINDS = ["alert", "update", "withdrawal"] as const;
type ReportKind = (typeof REPORT_KINDS)[number];

type StatusCounts = Record<DeliveryStatus, number>;

export type DeliveryReport = {
  article: { id: number; title: string; slug: string; status: string };
  totals: StatusCounts;
  byKind: Record<ReportKind, StatusCounts>;
  /** Daily digests that carried the item, by status. */
  digests: StatusCounts;
  /** Why messages failed, most common first, with a few addresses (masked unless the caller may manage subscribers). */
  failures: { reason: string; count: number; examples: string[] }[];
  lastSentAt: string | null;
  events: { id: number; kind: OutboxEventKind; occurredAt: string; fannedOutAt: string | null }[];
  pings: { eventId: number; topic: string; status: DeliveryStatus; attempts: number; lastError: string | null; sentAt: string | null }[];
};

const inputSchema = z.object({ articleId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) }).strict();
const FAILURE_REASONS_SHOWN = 20;
const EXAMPLES_PER_REASON = 3;

const noCounts = (): StatusCounts => Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, 0])) as StatusCounts;

/** What happened to the mail and feed pings about one item: for publishers and administrators. */
export async function getDeliveryReport(input: unknown): Promise<DeliveryReport> {
  const user = await requireCapability("subscribers:view", "subscriber", "subscribers.view");
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) throw AppError.invalid("subscriber", parsed.error);
  const { articleId } = parsed.data;
  const db = await getDatabase();
  const article = await loadArticle(db, articleId);
  const edition = await getLatestEdition(db, articleId);
  const showAddress = can(user, "subscribers:manage");

  const [grouped, digestRows, reasons, [last], events, pings] = await Promise.all([
    db
      .select({ kind: mailDeliveries.kind, status: mailDeliveries.status, n: count() })
      .from(mailDeliveries)
      .where(eq(mailDeliveries.articleId, articleId))
      .groupBy(mailDeliveries.kind, mailDeliveries.status),
    db.all<{ status: DeliveryStatus; n: number }>(sql`
      SELECT d.status AS status, count(*) AS n
        FROM mail_deliveries d
       WHERE d.kind = 'digest' AND EXISTS (
             SELECT 1 FROM json_each(d.digest_event_ids) carried JOIN outbox_events e ON e.id = carried.value
              WHERE e.article_id = ${articleId})
       GROUP BY d.status`),
    db
      .select({ reason: mailDeliveries.lastError, n: count() })
      .from(mailDeliveries)
      .where(and(eq(mailDeliveries.articleId, articleId), eq(mailDeliveries.status, "failed")))
      .groupBy(mailDeliveries.lastError)
      .orderBy(desc(count()))
      .limit(FAILURE_REASONS_SHOWN),
    db
      .select({ at: max(mailDeliveries.sentAt) })
      .from(mailDeliveries)
      .where(eq(mailDeliveries.articleId, articleId)),
    db
      .select({ id: outboxEvents.id, kind: outboxEvents.kind, occurredAt: outboxEvents.occurredAt, fannedOutAt: outboxEvents.fannedOutAt })
      .from(outboxEvents)
      .where(eq(outboxEvents.articleId, articleId))
      .orderBy(asc(outboxEvents.occurredAt), asc(outboxEvents.id)),
    db
      .select({
        eventId: websubPings.eventId,
        topic: websubPings.topic,
        status: websubPings.status,
        attempts: websubPings.attempts,
        lastError: websubPings.lastError,
        sentAt: websubPings.sentAt,
      })
      .from(websubPings)
      .innerJoin(outboxEvents, eq(outboxEvents.id, websubPings.eventId))
      .where(eq(outboxEvents.articleId, articleId))
      .orderBy(asc(websubPings.eventId), asc(websubPings.topic)),
  ]);

  const totals = noCounts();
  const byKind = Object.fromEntries(REPORT_KINDS.map((k) => [k, noCounts()])) as Record<ReportKind, StatusCounts>;
  for (const row of grouped) {
    totals[row.status] += row.n;
    if ((REPORT_KINDS as readonly string[]).includes(row.kind)) byKind[row.kind as ReportKind][row.status] += row.n;
  }
  const digests = noCounts();
  for (const row of digestRows) digests[row.status] += Number(row.n);

  const failures = await Promise.all(
    reasons.map(async ({ reason, n }) => {
      const examples = await db
        .select({ email: subscribers.email })
        .from(mailDeliveries)
        .innerJoin(subscribers, eq(subscribers.id, mailDeliveries.subscriberId))
        .where(
          and(
            eq(mailDeliveries.articleId, articleId),
            eq(mailDeliveries.status, "failed"),
            reason === null ? sql`${mailDeliveries.lastError} IS NULL` : eq(mailDeliveries.lastError, reason),
          ),
        )
        .orderBy(asc(mailDeliveries.id))
        .limit(EXAMPLES_PER_REASON);
      return {
        reason: reason ?? "No reason was recorded.",
        count: n,
        examples: examples.map((e) => (showAddress ? e.email : maskEmail(e.email))),
      };
    }),
  );

  return {
    article: { id: article.id, title: edition?.title ?? article.slug, slug: article.slug, status: article.status },
    totals,
    byKind,
    digests,
    failures,
    lastSentAt: toIso(last?.at),
    events: events.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString(), fannedOutAt: toIso(e.fannedOutAt) })),
    pings: pings.map((p) => ({ ...p, sentAt: toIso(p.sentAt) })),
  };
}

/** `max()` over a timestamp column comes back as the raw number of milliseconds. */
function toIso(value: Date | number | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return new Date(typeof value === "string" ? Number(value) : value).toISOString();
}

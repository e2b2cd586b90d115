import "server-only";
import { and, count, desc, eq, gte, isNotNull, min, sql } from "drizzle-orm";
import { categories, mailDeliveries, subscriberCategories, subscribers } from "@/db/schema";
import { env } from "@/lib/env";
import { can } from "@/lib/permissions";
import { maskEmail } from "@/lib/subscribers/mask-email";
import { requireCapability } from "../auth/current-user";
import { getDatabase } from "../db";

const DAY_MS = 24 * 60 * 60 * 1000;
const BOUNCES_SHOWN = 20;

export type SubscriberOverview = {
  /** False in development: the worker keeps messages for /studio/mail instead of sending them. */
  smtpConfigured: boolean;
  confirmed: number;
  pending: number;
  /** Confirmed subscribers, by the language of the news they hear about. */
  byLanguage: { language: string; count: number }[];
  byFrequency: { immediate: number; daily: number };
  /** Confirmed subscribers to every category, then to each chosen category. */
  allCategories: number;
  byCategory: { id: number; name: string; count: number }[];
  queue: {
    queued: number;
    sending: number;
    failedLastDay: number;
    sentLastDay: number;
    oldestQueuedAt: string | null;
    oldestQueuedAgeMs: number | null;
  };
  /** Newest first; addresses masked unless the caller may manage subscribers. */
  bounces: { email: string; lastBounceAt: string; reason: string | null; count: number }[];
  addressesMasked: boolean;
};

/** The subscriber list at a glance and the health of the mail queue: for publishers and administrators. */
export async function getSubscriberOverview({ now = new Date() }: { now?: Date } = {}): Promise<SubscriberOverview> {
  const user = await requireCapability("subscribers:view", "subscriber", "subscribers.view");
  const db = await getDatabase();
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const confirmedOnly = eq(subscribers.status, "confirmed");

  const [
    byStatus,
    byLanguage,
    byFrequency,
    [everything],
    categoryRows,
    chosen,
    queueRows,
    [failedLastDay],
    [sentLastDay],
    [oldest],
    bounces,
  ] = await Promise.all([
    db.select({ status: subscribers.status, n: count() }).from(subscribers).groupBy(subscribers.status),
    db
      .select({ language: subscribers.language, n: count() })
      .from(subscribers)
      .where(confirmedOnly)
      .groupBy(subscribers.language)
      .orderBy(subscribers.language),
    db.select({ frequency: subscribers.frequency, n: count() }).from(subscribers).where(confirmedOnly).groupBy(subscribers.frequency),
    db
      .select({ n: count() })
      .from(subscribers)
      .where(and(confirmedOnly, eq(subscribers.allCategories, true))),
    db.select({ id: categories.id, name: categories.name }).from(categories).orderBy(categories.position, categories.id),
    db
      .select({ categoryId: subscriberCategories.categoryId, n: count() })
      .from(subscriberCategories)
      .innerJoin(subscribers, eq(subscribers.id, subscriberCategories.subscriberId))
      .where(and(confirmedOnly, eq(subscribers.allCategories, false)))
      .groupBy(subscriberCategories.categoryId),
    db
      .select({ status: mailDeliveries.status, n: count() })
      .from(mailDeliveries)
      .where(sql`${mailDeliveries.status} IN ('queued', 'sending')`)
      .groupBy(mailDeliveries.status),
    // A failed delivery keeps the time its last attempt was due, the nearest record of when it failed.
    db
      .select({ n: count() })
      .from(mailDeliveries)
      .where(and(eq(mailDeliveries.status, "failed"), gte(mailDeliveries.nextAttemptAt, dayAgo))),
    db
      .select({ n: count() })
      .from(mailDeliveries)
      .where(and(eq(mailDeliveries.status, "sent"), gte(mailDeliveries.sentAt, dayAgo))),
    db
      .select({ at: min(mailDeliveries.createdAt) })
      .from(mailDeliveries)
      .where(eq(mailDeliveries.status, "queued")),
    db
      .select({
        email: subscribers.email,
        lastBounceAt: subscribers.lastBounceAt,
        reason: subscribers.lastBounceReason,
        count: subscribers.bounceCount,
      })
      .from(subscribers)
      .where(isNotNull(subscribers.lastBounceAt))
      .orderBy(desc(subscribers.lastBounceAt), desc(subscribers.id))
      .limit(BOUNCES_SHOWN),
  ]);

  const statusCount = (status: string) => byStatus.find((r) => r.status === status)?.n ?? 0;
  const queueCount = (status: string) => queueRows.find((r) => r.status === status)?.n ?? 0;
  const frequencyCount = (frequency: string) => byFrequency.find((r) => r.frequency === frequency)?.n ?? 0;
  const masked = !can(user, "subscribers:manage");
  return {
    smtpConfigured: Boolean(env().SMTP_URL),
    confirmed: statusCount("confirmed"),
    pending: statusCount("pending"),
    byLanguage: byLanguage.map((r) => ({ language: r.language, count: r.n })),
    byFrequency: { immediate: frequencyCount("immediate"), daily: frequencyCount("daily") },
    allCategories: everything?.n ?? 0,
    byCategory: categoryRows.map((c) => ({ ...c, count: chosen.find((r) => r.categoryId === c.id)?.n ?? 0 })),
    queue: {
      queued: queueCount("queued"),
      sending: queueCount("sending"),
      failedLastDay: failedLastDay?.n ?? 0,
      sentLastDay: sentLastDay?.n ?? 0,
      oldestQueuedAt: oldest?.at ? new Date(oldest.at).toISOString() : null,
      oldestQueuedAgeMs: oldest?.at ? Math.max(0, now.getTime() - new Date(oldest.at).getTime()) : null,
    },
    bounces: bounces.map((b) => ({
      email: masked ? maskEmail(b.email) : b.email,
      lastBounceAt: b.lastBounceAt!.toISOString(),
      reason: b.reason,
      count: b.count,
    })),
    addressesMasked: masked,
  };
}

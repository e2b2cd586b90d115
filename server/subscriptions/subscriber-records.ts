import "server-only";
import { asc, count, desc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { articleEditions, categories, keptMessages, mailDeliveries, subscriberCategories, subscribers } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { DeliveryStatus, MailKind } from "@/lib/vocabulary";

/**
 * Everything held about one address, for an administrator answering a privacy request. The
 * token salt is left out: it is a key for the links in this person's mail, not information
 * about them, and handing it out would let anyone holding the export mint those links.
 */
export type SubscriberProfile = {
  id: number;
  email: string;
  status: "pending" | "confirmed";
  language: string;
  allCategories: boolean;
  categories: { id: number; name: string }[];
  frequency: "immediate" | "daily";
  digestHour: number;
  createdAt: string;
  confirmedAt: string | null;
  digestCoveredUntil: string | null;
  bounceCount: number;
  lastBounceAt: string | null;
  lastBounceReason: string | null;
};

export type SubscriberDelivery = {
  id: number;
  kind: MailKind;
  status: DeliveryStatus;
  articleId: number | null;
  articleTitle: string | null;
  digestEventIds: number[] | null;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
};

export type KeptCopy = { id: number; subject: string; keptAt: string; text: string; html: string; headers: Record<string, string> };

const iso = (value: Date | null) => value?.toISOString() ?? null;

export async function loadSubscriberRow(db: Database, id: number) {
  const [row] = await db.select().from(subscribers).where(eq(subscribers.id, id));
  if (!row) throw new AppError("not_found:subscriber", "No subscriber has that record. It may have been deleted or unsubscribed.");
  return row;
}

export async function selectProfile(db: Database, row: Awaited<ReturnType<typeof loadSubscriberRow>>): Promise<SubscriberProfile> {
  const chosen = await db
    .select({ id: categories.id, name: categories.name })
    .from(subscriberCategories)
    .innerJoin(categories, eq(categories.id, subscriberCategories.categoryId))
    .where(eq(subscriberCategories.subscriberId, row.id))
    .orderBy(asc(categories.position), asc(categories.id));
  return {
    id: row.id,
    email: row.email,
    status: row.status,
    language: row.language,
    allCategories: row.allCategories,
    categories: chosen,
    frequency: row.frequency,
    digestHour: row.digestHour,
    createdAt: row.createdAt.toISOString(),
    confirmedAt: iso(row.confirmedAt),
    digestCoveredUntil: iso(row.digestCoveredUntil),
    bounceCount: row.bounceCount,
    lastBounceAt: iso(row.lastBounceAt),
    lastBounceReason: row.lastBounceReason,
  };
}

/** The address's deliveries, newest first; `limit` for the screen, none for the export. */
export async function selectDeliveries(db: Database, subscriberId: number, limit?: number): Promise<SubscriberDelivery[]> {
  // The title the item has now (its latest edition), so staff can tell which item a message was about.
  const query = db
    .select({
      id: mailDeliveries.id,
      kind: mailDeliveries.kind,
      status: mailDeliveries.status,
      articleId: mailDeliveries.articleId,
      // Qualified by hand: drizzle writes a column of the outer query unqualified, which the subquery would read as its own.
      articleTitle: sql<string | null>`(SELECT e.title FROM ${articleEditions} e WHERE e.article_id = "mail_deliveries"."article_id"
                                         ORDER BY e.number DESC LIMIT 1)`,
      digestEventIds: mailDeliveries.digestEventIds,
      attempts: mailDeliveries.attempts,
      createdAt: mailDeliveries.createdAt,
      sentAt: mailDeliveries.sentAt,
      lastError: mailDeliveries.lastError,
    })
    .from(mailDeliveries)
    .where(eq(mailDeliveries.subscriberId, subscriberId))
    .orderBy(desc(mailDeliveries.createdAt), desc(mailDeliveries.id));
  const rows = limit === undefined ? await query : await query.limit(limit);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), sentAt: iso(r.sentAt) }));
}

export async function countDeliveries(db: Database, subscriberId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(mailDeliveries).where(eq(mailDeliveries.subscriberId, subscriberId));
  return row?.n ?? 0;
}

/** Messages kept instead of sent (no SMTP_URL) to this address: they hold it too. */
export async function selectKeptCopies(db: Database, email: string): Promise<KeptCopy[]> {
  const rows = await db
    .select()
    .from(keptMessages)
    .where(eq(keptMessages.to, email))
    .orderBy(desc(keptMessages.keptAt), desc(keptMessages.id));
  return rows.map((r) => ({
    id: r.id,
    subject: r.subject,
    keptAt: r.keptAt.toISOString(),
    text: r.text,
    html: r.html,
    headers: r.headers,
  }));
}

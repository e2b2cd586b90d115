import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  articles,
  categories,
  keptMessages,
  mailDeliveries,
  outboxEvents,
  subscriberCategories,
  subscribers,
  websubPings,
} from "@/db/schema";
import type { DeliveryStatus, MailKind } from "@/lib/vocabulary";

/** Rows written straight into the subscription tables, as the subscribe flow and the worker would leave them. */

type NewSubscriber = Partial<typeof subscribers.$inferInsert> & { email: string; categoryIds?: number[] };

export async function insertSubscriber(db: Database, { categoryIds, ...values }: NewSubscriber) {
  const [row] = await db
    .insert(subscribers)
    .values({
      language: "en",
      tokenSalt: `salt-${values.email}`,
      status: "confirmed",
      confirmedAt: new Date(Date.UTC(2026, 10, 1)),
      allCategories: !categoryIds,
      ...values,
    })
    .returning();
  if (categoryIds?.length) {
    await db.insert(subscriberCategories).values(categoryIds.map((categoryId) => ({ subscriberId: row!.id, categoryId })));
  }
  return row!;
}

export async function insertEvent(db: Database, articleId: number, kind: "published" | "updated" | "withdrawn", occurredAt: Date) {
  const [row] = await db
    .insert(outboxEvents)
    .values({
      kind,
      articleId,
      language: "en",
      snapshot: { title: "T", summary: "S", slug: "s", categoryName: "C", date: occurredAt.toISOString() },
      occurredAt,
      fannedOutAt: new Date(occurredAt.getTime() + 1000),
    })
    .returning();
  return row!;
}

type NewDelivery = {
  subscriberId: number;
  kind: MailKind;
  status: DeliveryStatus;
  articleId?: number | null;
  eventId?: number | null;
  digestEventIds?: number[];
  lastError?: string | null;
  sentAt?: Date | null;
  createdAt?: Date;
  nextAttemptAt?: Date;
};

let keys = 0;
export async function insertDelivery(db: Database, d: NewDelivery) {
  const createdAt = d.createdAt ?? new Date();
  const [row] = await db
    .insert(mailDeliveries)
    .values({
      dedupeKey: `test:${Date.now()}:${++keys}`,
      kind: d.kind,
      subscriberId: d.subscriberId,
      articleId: d.articleId ?? null,
      eventId: d.eventId ?? null,
      digestEventIds: d.digestEventIds ?? null,
      status: d.status,
      attempts: d.status === "queued" ? 0 : 1,
      nextAttemptAt: d.nextAttemptAt ?? createdAt,
      lastError: d.lastError ?? null,
      sentAt: d.sentAt ?? null,
      createdAt,
    })
    .returning();
  return row!;
}

export async function insertPing(db: Database, eventId: number, topic: string, status: DeliveryStatus, lastError: string | null = null) {
  await db
    .insert(websubPings)
    .values({ eventId, topic, status, attempts: status === "queued" ? 0 : 2, nextAttemptAt: new Date(), lastError });
}

export async function insertKeptMessage(db: Database, to: string, subject: string, keptAt = new Date()) {
  const [row] = await db
    .insert(keptMessages)
    .values({
      to,
      subject,
      text: `Plain words of ${subject}`,
      html: `<p>HTML words of ${subject}</p>`,
      headers: { "List-Unsubscribe": "<https://news.example/email/unsubscribe/x>" },
      keptAt,
    })
    .returning();
  return row!;
}

/** Two demo articles and the demo categories, to hang deliveries and choices on. */
export async function demoArticlesAndCategories(db: Database) {
  const items = await db.select({ id: articles.id, slug: articles.slug }).from(articles).where(eq(articles.status, "published")).limit(2);
  const cats = await db.select({ id: categories.id, name: categories.name }).from(categories).orderBy(categories.position, categories.id);
  if (items.length < 2 || cats.length < 2) throw new Error("the demo seed has fewer published items or categories than these tests need");
  return { items, cats };
}

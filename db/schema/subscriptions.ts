import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { DELIVERY_STATUSES, MAIL_KINDS, OUTBOX_EVENT_KINDS, SUBSCRIBER_STATUSES, SUBSCRIPTION_FREQUENCIES } from "@/lib/vocabulary";
import { articles } from "./articles";
import { categories } from "./categories";
import { createdAt } from "./columns";

/**
 * Readers who asked for e-mail, without an account. The links in every message carry a token
 * signed with the server's secret and this row's salt (server/subscriptions/tokens.ts), so a
 * copy of the table cannot unsubscribe anyone; a confirmation link's token also carries its
 * expiry. Unsubscribing deletes the row and, by cascade, everything else held about the address.
 */
export const subscribers = sqliteTable(
  "subscribers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Lower-cased, trimmed. */
    email: text("email").notNull().unique(),
    status: text("status", { enum: SUBSCRIBER_STATUSES }).notNull().default("pending"),
    /** The language of the news the subscriber hears about ("en", "ja"). */
    language: text("language").notNull(),
    /** Every category, or only those in subscriber_categories. */
    allCategories: integer("all_categories", { mode: "boolean" }).notNull().default(true),
    frequency: text("frequency", { enum: SUBSCRIPTION_FREQUENCIES }).notNull().default("immediate"),
    /** Hour of the day in Tokyo (0–23) the daily digest goes out. */
    digestHour: integer("digest_hour").notNull().default(8),
    /** Random, per address: the links' tokens are keyed with it (server/subscriptions/tokens.ts), so a new subscription never reuses old links. */
    tokenSalt: text("token_salt").notNull(),
    createdAt: createdAt(),
    confirmedAt: integer("confirmed_at", { mode: "timestamp_ms" }),
    /** The digest covers events after this moment; set at confirmation, moved by each digest run. */
    digestCoveredUntil: integer("digest_covered_until", { mode: "timestamp_ms" }),
    /** Permanent refusals by the receiving server (5xx), the latest with its reason. */
    bounceCount: integer("bounce_count").notNull().default(0),
    lastBounceAt: integer("last_bounce_at", { mode: "timestamp_ms" }),
    lastBounceReason: text("last_bounce_reason"),
  },
  (t) => [index("subscribers_immediate_idx").on(t.status, t.frequency, t.language), index("subscribers_bounce_idx").on(t.lastBounceAt)],
);

export const subscriberCategories = sqliteTable(
  "subscriber_categories",
  {
    subscriberId: integer("subscriber_id")
      .notNull()
      .references(() => subscribers.id, { onDelete: "cascade" }),
    categoryId: integer("category_id")
      .notNull()
      .references(() => categories.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.subscriberId, t.categoryId] }), index("subscriber_categories_category_idx").on(t.categoryId)],
);

/**
 * The outbox: what subscribers and feed hubs must hear about, written in the same transaction
 * as the publication, major change or withdrawal it describes, so one cannot happen without the
 * other. `snapshot` holds the words as published (title, summary, slug, date, change note), so a
 * message says what went out even if the item changes before it is sent. A worker expands each
 * event into deliveries (`fannedOutAt`) and feed pings (`pingsQueuedAt`), once each.
 */
export const outboxEvents = sqliteTable(
  "outbox_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: OUTBOX_EVENT_KINDS }).notNull(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    editionId: integer("edition_id"),
    language: text("language").notNull(),
    categoryId: integer("category_id"),
    snapshot: text("snapshot", { mode: "json" }).$type<OutboxSnapshot>().notNull(),
    occurredAt: integer("occurred_at", { mode: "timestamp_ms" }).notNull(),
    fannedOutAt: integer("fanned_out_at", { mode: "timestamp_ms" }),
    pingsQueuedAt: integer("pings_queued_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("outbox_events_pending_idx").on(t.fannedOutAt),
    index("outbox_events_pings_idx").on(t.pingsQueuedAt),
    index("outbox_events_article_idx").on(t.articleId, t.occurredAt),
    index("outbox_events_digest_idx").on(t.language, t.occurredAt),
  ],
);

export type OutboxSnapshot = {
  title: string;
  summary: string;
  slug: string;
  categoryName: string;
  /** When it was first published (alerts) or changed (updates), ISO. */
  date: string;
  changeNote?: string | null;
  withdrawalNote?: string | null;
};

/**
 * One message to one address. `dedupeKey` makes each message exist once however often the
 * worker expands an event ("alert:<event>:<subscriber>", "digest:<subscriber>:<date>"); the
 * worker leases a delivery (`sending`, `leaseUntil`) before handing it to SMTP and records the
 * answer after. What the message said is rebuilt from the event, or kept in `digestEventIds`.
 */
export const mailDeliveries = sqliteTable(
  "mail_deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    dedupeKey: text("dedupe_key").notNull().unique(),
    kind: text("kind", { enum: MAIL_KINDS }).notNull(),
    subscriberId: integer("subscriber_id")
      .notNull()
      .references(() => subscribers.id, { onDelete: "cascade" }),
    eventId: integer("event_id").references(() => outboxEvents.id, { onDelete: "cascade" }),
    articleId: integer("article_id").references(() => articles.id, { onDelete: "cascade" }),
    /** The events a digest carries, in order. */
    digestEventIds: text("digest_event_ids", { mode: "json" }).$type<number[]>(),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    leaseUntil: integer("lease_until", { mode: "timestamp_ms" }),
    lastError: text("last_error"),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("mail_deliveries_due_idx").on(t.status, t.nextAttemptAt),
    index("mail_deliveries_article_idx").on(t.articleId, t.kind, t.status),
    index("mail_deliveries_event_idx").on(t.eventId, t.status),
    index("mail_deliveries_subscriber_idx").on(t.subscriberId),
  ],
);

/**
 * With no SMTP_URL (npm run dev), messages are kept here instead of sent, and shown in the
 * studio so a new user sees what subscribers would get. Only the newest few hundred are kept.
 */
export const keptMessages = sqliteTable("kept_messages", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  deliveryId: integer("delivery_id"),
  to: text("to").notNull(),
  subject: text("subject").notNull(),
  text: text("text").notNull(),
  html: text("html").notNull(),
  headers: text("headers", { mode: "json" }).$type<Record<string, string>>().notNull(),
  keptAt: integer("kept_at", { mode: "timestamp_ms" }).notNull(),
});

/** A WebSub publish ping for one feed after one event: sent once, retried with backoff, logged here. */
export const websubPings = sqliteTable(
  "websub_pings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    eventId: integer("event_id")
      .notNull()
      .references(() => outboxEvents.id, { onDelete: "cascade" }),
    topic: text("topic").notNull(),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    leaseUntil: integer("lease_until", { mode: "timestamp_ms" }),
    lastError: text("last_error"),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("websub_pings_due_idx").on(t.status, t.nextAttemptAt), uniqueIndex("websub_pings_event_topic_idx").on(t.eventId, t.topic)],
);

export type SubscriberRow = typeof subscribers.$inferSelect;
export type OutboxEventRow = typeof outboxEvents.$inferSelect;
export type MailDeliveryRow = typeof mailDeliveries.$inferSelect;

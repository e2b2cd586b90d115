import { relations, sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { ArticleDocument } from "@/lib/content/document-schema";

/**
 * Roles and states are stored as text and checked against the lists in lib/
 * (lib/permissions.ts, lib/workflow.ts), which are the single source of truth.
 */
export const ROLES = ["writer", "editor", "publisher", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Where an article stands publicly. The editorial state of each edition is separate. */
export const ARTICLE_STATUSES = ["draft", "published", "withdrawn"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** The editorial life of one edition; "superseded" is a published edition replaced by a newer one. */
export const EDITION_STATES = [
  "draft",
  "submitted",
  "changes_requested",
  "approved",
  "scheduled",
  "published",
  "superseded",
] as const;
export type EditionState = (typeof EDITION_STATES)[number];

export const LIST_PLACEMENTS = ["default", "category", "article"] as const;
export type ListPlacement = (typeof LIST_PLACEMENTS)[number];

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  /** Argon2id PHC string; null for accounts that only sign in through single sign-on. */
  passwordHash: text("password_hash"),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  /** Bumped on deactivation, role or password change: sessions carrying an older value are refused. */
  sessionVersion: integer("session_version").notNull().default(1),
  createdAt: createdAt(),
});

export const categories = sqliteTable("categories", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  position: integer("position").notNull().default(0),
});

export type Signatory = { name: string; title: string };

/**
 * The stable identity of a news item: its URL, its feed GUID and its public state.
 * Its words live in editions; `publishedEditionId` is what readers see.
 */
export const articles = sqliteTable(
  "articles",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    /** Never changes across editions: feeds use it as the item GUID. */
    guid: text("guid").notNull().unique(),
    status: text("status", { enum: ARTICLE_STATUSES }).notNull().default("draft"),
    publishedEditionId: integer("published_edition_id"),
    /** Denormalised from the published edition so public listings need no join to sort or filter. */
    categoryId: integer("category_id").references(() => categories.id),
    authorId: integer("author_id").references(() => users.id),
    firstPublishedAt: integer("first_published_at", { mode: "timestamp_ms" }),
    /** Time of the last major public change (dateModified); equals firstPublishedAt until then. */
    publicUpdatedAt: integer("public_updated_at", { mode: "timestamp_ms" }),
    withdrawnAt: integer("withdrawn_at", { mode: "timestamp_ms" }),
    withdrawalNote: text("withdrawal_note"),
    /** Optimistic-concurrency counter: every write is `WHERE version = ?`. */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [
    index("articles_public_idx").on(t.status, t.firstPublishedAt),
    index("articles_category_public_idx").on(t.categoryId, t.status, t.firstPublishedAt),
  ],
);

export const articleEditions = sqliteTable(
  "article_editions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    state: text("state", { enum: EDITION_STATES }).notNull().default("draft"),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    body: text("body", { mode: "json" }).$type<ArticleDocument>().notNull(),
    categoryId: integer("category_id")
      .notNull()
      .references(() => categories.id),
    /** The dateline as a calendar date in Asia/Tokyo, `YYYY-MM-DD`. */
    datelineDate: text("dateline_date").notNull(),
    signatories: text("signatories", { mode: "json" }).$type<Signatory[]>().notNull().default(sql`'[]'`),
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    changeType: text("change_type", { enum: ["minor", "major"] }),
    changeNote: text("change_note"),
    createdById: integer("created_by_id").references(() => users.id),
    lastEditedById: integer("last_edited_by_id").references(() => users.id),
    reviewedById: integer("reviewed_by_id").references(() => users.id),
    publishedById: integer("published_by_id").references(() => users.id),
    /** Set when an admin force-published without a second person; cleared by a later review. */
    publishedWithoutReview: integer("published_without_review", { mode: "boolean" }).notNull().default(false),
    forcePublishReason: text("force_publish_reason"),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }),
    scheduledFor: integer("scheduled_for", { mode: "timestamp_ms" }),
    /** Why a scheduled publication could not go live; shown on the dashboard until resolved. */
    scheduleError: text("schedule_error"),
    /** The lead photo: article page, feeds, OpenGraph and JSON-LD. */
    heroMediaId: integer("hero_media_id").references(() => mediaAssets.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [
    uniqueIndex("article_editions_number_idx").on(t.articleId, t.number),
    index("article_editions_state_idx").on(t.state, t.scheduledFor),
  ],
);

export const recommendationLists = sqliteTable(
  "recommendation_lists",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    placement: text("placement", { enum: LIST_PLACEMENTS }).notNull(),
    categoryId: integer("category_id").references(() => categories.id),
    articleId: integer("article_id").references(() => articles.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["draft", "published"] }).notNull().default("draft"),
    maxItems: integer("max_items").notNull().default(10),
    fillFromCategory: integer("fill_from_category", { mode: "boolean" }).notNull().default(false),
    /** The edition whose items readers see; its items are copied into recommendation_list_items on publish. */
    publishedEditionId: integer("published_edition_id"),
    authorId: integer("author_id").references(() => users.id),
    version: integer("version").notNull().default(1),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("recommendation_lists_placement_idx").on(t.placement, t.status)],
);

export const recommendationListItems = sqliteTable(
  "recommendation_list_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    listId: integer("list_id")
      .notNull()
      .references(() => recommendationLists.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    /** A published news item, or null for an external link. */
    articleId: integer("article_id").references(() => articles.id, { onDelete: "set null" }),
    externalUrl: text("external_url"),
    externalTitle: text("external_title"),
    externalDate: text("external_date"),
  },
  (t) => [uniqueIndex("recommendation_list_items_position_idx").on(t.listId, t.position)],
);

/** Every save of an edition, kept for history, diffs and restore. */
export const articleRevisions = sqliteTable(
  "article_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    editionId: integer("edition_id")
      .notNull()
      .references(() => articleEditions.id, { onDelete: "cascade" }),
    editionNumber: integer("edition_number").notNull(),
    /** The article version this save produced. */
    articleVersion: integer("article_version").notNull(),
    savedById: integer("saved_by_id").references(() => users.id),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    body: text("body", { mode: "json" }).$type<ArticleDocument>().notNull(),
    categoryId: integer("category_id").notNull(),
    datelineDate: text("dateline_date").notNull(),
    signatories: text("signatories", { mode: "json" }).$type<Signatory[]>().notNull(),
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("article_revisions_article_idx").on(t.articleId, t.id)],
);

/** Review thread: comments, change requests and approvals, one thread per article. */
export const reviewComments = sqliteTable(
  "review_comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    editionId: integer("edition_id").references(() => articleEditions.id, { onDelete: "set null" }),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: ["comment", "changes_requested", "approved"] }).notNull().default("comment"),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("review_comments_article_idx").on(t.articleId, t.id)],
);

/** Revocable, expiring links that show one draft edition to someone without an account. */
export const previewLinks = sqliteTable("preview_links", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  articleId: integer("article_id")
    .notNull()
    .references(() => articles.id, { onDelete: "cascade" }),
  /** SHA-256 of the token; the token itself is shown once and never stored. */
  tokenHash: text("token_hash").notNull().unique(),
  createdById: integer("created_by_id")
    .notNull()
    .references(() => users.id),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  createdAt: createdAt(),
});

/** Who did what, when, and whether it was allowed. Append-only. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    outcome: text("outcome", { enum: ["ok", "denied", "failed"] }).notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    ip: text("ip"),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_actor_idx").on(t.actorId, t.at)],
);

/** Failed sign-in counters per account and per address, in the database so restarts do not reset them. */
export const loginThrottle = sqliteTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: integer("window_started_at", { mode: "timestamp_ms" }).notNull(),
  lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
});

/**
 * One row per sign-in, named by the session id the JWT carries (stored as its
 * SHA-256, so the table alone cannot be turned into a cookie). Signing out
 * revokes that row only; a session also ends at `expiresAt`, a fixed time
 * after sign-in however much it is used. Pruned once expired.
 */
export const authSessions = sqliteTable(
  "auth_sessions",
  {
    idHash: text("id_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("auth_sessions_user_idx").on(t.userId), index("auth_sessions_expires_idx").on(t.expiresAt)],
);

/** Small named facts the server keeps about itself (the scheduler's heartbeat, for one). */
export const appState = sqliteTable("app_state", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

/**
 * When each public cache tag last expired, written in the same transaction as the
 * publish, withdrawal, list change or scheduled release that caused it. Every app
 * process reads it before serving cached reads (server/cache/cache-handler.mjs), so
 * an invalidation survives restarts and kill -9 and reaches every process. `seq`
 * grows with every write (SQLite has one writer at a time), so readers fetch only
 * what changed since their last look.
 */
export const cacheTagExpirations = sqliteTable(
  "cache_tag_expirations",
  {
    tag: text("tag").primaryKey(),
    expiredAt: integer("expired_at").notNull(),
    seq: integer("seq").notNull(),
  },
  (t) => [index("cache_tag_expirations_seq_idx").on(t.seq)],
);

export type ListEntry =
  | { kind: "article"; articleId: number }
  | { kind: "external"; url: string; title: string; date: string };

/** Editions of a recommendation list, through the same workflow as articles. */
export const recommendationListEditions = sqliteTable(
  "recommendation_list_editions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    listId: integer("list_id")
      .notNull()
      .references(() => recommendationLists.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    state: text("state", { enum: EDITION_STATES }).notNull().default("draft"),
    name: text("name").notNull(),
    maxItems: integer("max_items").notNull().default(10),
    fillFromCategory: integer("fill_from_category", { mode: "boolean" }).notNull().default(false),
    entries: text("entries", { mode: "json" }).$type<ListEntry[]>().notNull().default(sql`'[]'`),
    createdById: integer("created_by_id").references(() => users.id),
    lastEditedById: integer("last_edited_by_id").references(() => users.id),
    reviewedById: integer("reviewed_by_id").references(() => users.id),
    publishedById: integer("published_by_id").references(() => users.id),
    scheduledFor: integer("scheduled_for", { mode: "timestamp_ms" }),
    scheduleError: text("schedule_error"),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [
    uniqueIndex("recommendation_list_editions_number_idx").on(t.listId, t.number),
    index("recommendation_list_editions_state_idx").on(t.state, t.scheduledFor),
  ],
);

/** Uploaded images: the original is never served; variants are generated once at upload. */
export type MediaVariant = { width: number; height: number; format: "webp" | "avif" | "jpeg" | "png"; key: string; bytes: number };

export const mediaAssets = sqliteTable(
  "media_assets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Server-generated storage name (random); no request path ever reaches the filesystem. */
    storageKey: text("storage_key").notNull().unique(),
    /** The uploader's file name, for display only. */
    originalName: text("original_name").notNull(),
    mimeType: text("mime_type").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    byteSize: integer("byte_size").notNull(),
    altText: text("alt_text").notNull().default(""),
    decorative: integer("decorative", { mode: "boolean" }).notNull().default(false),
    caption: text("caption").notNull().default(""),
    credit: text("credit").notNull().default(""),
    variants: text("variants", { mode: "json" }).$type<MediaVariant[]>().notNull().default(sql`'[]'`),
    uploadedById: integer("uploaded_by_id").references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [index("media_assets_created_idx").on(t.createdAt)],
);

export const articlesRelations = relations(articles, ({ one, many }) => ({
  category: one(categories, { fields: [articles.categoryId], references: [categories.id] }),
  editions: many(articleEditions),
}));

export const articleEditionsRelations = relations(articleEditions, ({ one }) => ({
  article: one(articles, { fields: [articleEditions.articleId], references: [articles.id] }),
  category: one(categories, { fields: [articleEditions.categoryId], references: [categories.id] }),
}));

export const recommendationListsRelations = relations(recommendationLists, ({ many }) => ({
  items: many(recommendationListItems),
}));

export const recommendationListItemsRelations = relations(recommendationListItems, ({ one }) => ({
  list: one(recommendationLists, {
    fields: [recommendationListItems.listId],
    references: [recommendationLists.id],
  }),
  article: one(articles, { fields: [recommendationListItems.articleId], references: [articles.id] }),
}));

export type UserRow = typeof users.$inferSelect;
export type ArticleRow = typeof articles.$inferSelect;
export type ArticleEditionRow = typeof articleEditions.$inferSelect;
export type CategoryRow = typeof categories.$inferSelect;

import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import type { ArticleDocument } from "@/lib/content/document-schema";
import { ARTICLE_STATUSES, CHANGE_TYPES, EDITION_STATES, type Signatory } from "@/lib/vocabulary";
import { categories } from "./categories";
import { createdAt, updatedAt } from "./columns";
import { mediaAssets } from "./media";
import { users } from "./people";

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
    /**
     * The Tokyo calendar month "YYYY-MM" of first publication (Japan keeps +09:00 all year),
     * computed by SQLite (virtual: nothing to keep in step). The archive groups by it, from
     * articles_archive_month_idx, instead of running strftime over every item.
     */
    firstPublishedMonth: text("first_published_month").generatedAlwaysAs(
      sql`strftime('%Y-%m', first_published_at / 1000 + 32400, 'unixepoch')`,
      { mode: "virtual" },
    ),
    withdrawnAt: integer("withdrawn_at", { mode: "timestamp_ms" }),
    withdrawalNote: text("withdrawal_note"),
    /** BCP 47 code of the item's words (lib/languages.ts); each language version is its own item. */
    language: text("language").notNull().default("en"),
    /**
     * A translation points at the item it translates (its source, itself never a translation):
     * a source and its translations are one translation group, at most one item per language.
     */
    translationOfId: integer("translation_of_id").references((): AnySQLiteColumn => articles.id, { onDelete: "set null" }),
    /** The source's edition this translation's words were last brought up to date with. */
    translatedFromEditionId: integer("translated_from_edition_id"),
    /** Set when a major change to the source was published after this translation was brought up to date. */
    outOfDateSince: integer("out_of_date_since", { mode: "timestamp_ms" }),
    /** Optimistic-concurrency counter: every write is `WHERE version = ?`. */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  // The public listings' indexes also carry what counts, the archive and the sitemap read
  // (db/published-articles.ts selectPublishedArticleRows), so those never touch the table.
  (t) => [
    // Every public listing is of one language: the language leads each listing index.
    index("articles_public_idx").on(t.language, t.status, t.firstPublishedAt, t.publishedEditionId, t.categoryId, t.publicUpdatedAt),
    index("articles_category_public_idx").on(
      t.categoryId,
      t.language,
      t.status,
      t.firstPublishedAt,
      t.publishedEditionId,
      t.publicUpdatedAt,
    ),
    // The archive index counts items per Tokyo month: grouped in index order, no strftime per row.
    index("articles_archive_month_idx").on(
      t.language,
      t.status,
      t.firstPublishedMonth,
      t.publishedEditionId,
      t.categoryId,
      t.firstPublishedAt,
      t.publicUpdatedAt,
    ),
    // One version per language in a translation group (the source's id names the group).
    uniqueIndex("articles_translation_language_idx").on(sql`coalesce(${t.translationOfId}, ${t.id})`, t.language),
    index("articles_translation_of_idx").on(t.translationOfId),
    // The studio's "translations out of date" lists: the few marked rows, not every item.
    index("articles_out_of_date_idx")
      .on(t.outOfDateSince)
      .where(sql`${t.outOfDateSince} IS NOT NULL`),
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
    signatories: text("signatories", { mode: "json" })
      .$type<Signatory[]>()
      .notNull()
      .default(sql`'[]'`),
    tags: text("tags", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    changeType: text("change_type", { enum: CHANGE_TYPES }),
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
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("article_editions_number_idx").on(t.articleId, t.number),
    index("article_editions_state_idx").on(t.state, t.scheduledFor),
    // The studio lists newest-changed first (server/articles/studio-rows.ts): these let it read
    // the first 50 rows in order, overall or within one state, instead of sorting every edition.
    index("article_editions_updated_idx").on(t.updatedAt, t.articleId),
    index("article_editions_state_updated_idx").on(t.state, t.updatedAt, t.articleId),
  ],
);

export type ArticleRow = typeof articles.$inferSelect;
export type ArticleEditionRow = typeof articleEditions.$inferSelect;

import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { EDITION_STATES, LIST_PLACEMENTS, LIST_STATUSES, type ListEntry } from "@/lib/vocabulary";
import { articles } from "./articles";
import { categories } from "./categories";
import { createdAt, updatedAt } from "./columns";
import { users } from "./people";

/** A Recommended-for-You list: its placement, and which of its editions readers see. */
export const recommendationLists = sqliteTable(
  "recommendation_lists",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    placement: text("placement", { enum: LIST_PLACEMENTS }).notNull(),
    categoryId: integer("category_id").references(() => categories.id),
    articleId: integer("article_id").references(() => articles.id, { onDelete: "cascade" }),
    /** Site-wide and category lists serve the items of one language; a list placed on an article serves that article. */
    language: text("language").notNull().default("en"),
    status: text("status", { enum: LIST_STATUSES }).notNull().default("draft"),
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
    entries: text("entries", { mode: "json" })
      .$type<ListEntry[]>()
      .notNull()
      .default(sql`'[]'`),
    createdById: integer("created_by_id").references(() => users.id),
    lastEditedById: integer("last_edited_by_id").references(() => users.id),
    reviewedById: integer("reviewed_by_id").references(() => users.id),
    publishedById: integer("published_by_id").references(() => users.id),
    scheduledFor: integer("scheduled_for", { mode: "timestamp_ms" }),
    scheduleError: text("schedule_error"),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("recommendation_list_editions_number_idx").on(t.listId, t.number),
    index("recommendation_list_editions_state_idx").on(t.state, t.scheduledFor),
  ],
);

import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { ArticleDocument } from "@/lib/content/document-schema";
import { REVIEW_COMMENT_KINDS, type Signatory } from "@/lib/vocabulary";
import { articleEditions, articles } from "./articles";
import { createdAt } from "./columns";
import { users } from "./people";

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
    kind: text("kind", { enum: REVIEW_COMMENT_KINDS }).notNull().default("comment"),
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

import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { MediaVariant } from "@/lib/vocabulary";
import { createdAt, updatedAt } from "./columns";
import { users } from "./people";

/** Uploaded images: the original is never served; variants are generated once at upload. */
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
    variants: text("variants", { mode: "json" })
      .$type<MediaVariant[]>()
      .notNull()
      .default(sql`'[]'`),
    uploadedById: integer("uploaded_by_id").references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("media_assets_created_idx").on(t.createdAt)],
);

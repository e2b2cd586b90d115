import { sql } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** The sections of the site (Press releases, Speeches…); `position` orders the navigation. */
export const categories = sqliteTable("categories", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  position: integer("position").notNull().default(0),
  /** The name and description in the site's other languages, by language code: { "ja": { "name": "政策", … } }. */
  translations: text("translations", { mode: "json" })
    .$type<Record<string, { name: string; description?: string }>>()
    .notNull()
    .default(sql`'{}'`),
});

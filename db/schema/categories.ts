import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** The sections of the site (Press releases, Speeches…); `position` orders the navigation. */
export const categories = sqliteTable("categories", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  position: integer("position").notNull().default(0),
});

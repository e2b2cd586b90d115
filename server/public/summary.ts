import { sql } from "drizzle-orm";
import { articleEditions, articles, categories } from "@/db/schema";
import type { PublicArticleSummary } from "./dto";

/** What a listing shows of each item: pass to selectPublishedArticles (db/published-articles.ts), then map with toSummary. */
export const summaryColumns = {
  slug: articles.slug,
  title: articleEditions.title,
  summary: articleEditions.summary,
  datelineDate: articleEditions.datelineDate,
  categorySlug: categories.slug,
  /** The category's name in the item's language (categories.translations), else its own. */
  categoryName: sql<string>`coalesce(json_extract(${categories.translations}, '$.' || ${articles.language} || '.name'), ${categories.name})`,
  language: articles.language,
};

type SummaryRow = { [K in keyof typeof summaryColumns]: string };

export function toSummary(row: SummaryRow): PublicArticleSummary {
  const { categorySlug, categoryName, ...rest } = row;
  return { ...rest, category: { slug: categorySlug, name: categoryName } };
}

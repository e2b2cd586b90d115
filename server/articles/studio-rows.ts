// No `import "server-only"`: the benchmark (bench/db-timings.ts) times this exact query outside
// Next. It reads no session; callers (server/articles/studio-queries.ts) authenticate first.
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Database } from "@/db/client";
import { articleEditions, articles, categories, users } from "@/db/schema";

/** Each item's newest edition, as the studio's lists filter on it. */
export const latest = alias(articleEditions, "latest");

/**
 * Joins `latest` to each article's newest edition. "No newer edition" is one probe of
 * article_editions_number_idx per row; unlike `number = (SELECT MAX(number) …)` it lets SQLite
 * walk article_editions_updated_idx newest first and stop at `limit`, instead of sorting all
 * 100,000 items per page.
 */
export const isNewestEditionOfArticle = and(
  eq(latest.articleId, articles.id),
  sql`NOT EXISTS (SELECT 1 FROM article_editions newer WHERE newer.article_id = ${latest.articleId} AND newer.number > ${latest.number})`,
)!;
const authors = alias(users, "authors");

/** The newest edition per article, joined: one row per item as the studio lists it. */
export function selectStudioRows(db: Pick<Database, "select">, where: SQL | undefined, limit: number, offset = 0) {
  return (
    db
      .select({
        id: articles.id,
        slug: articles.slug,
        status: articles.status,
        title: latest.title,
        state: latest.state,
        editionNumber: latest.number,
        categoryName: categories.name,
        authorName: authors.name,
        updatedAt: latest.updatedAt,
        scheduledFor: latest.scheduledFor,
        firstPublishedAt: articles.firstPublishedAt,
        scheduleError: latest.scheduleError,
        language: articles.language,
        translationOfId: articles.translationOfId,
        outOfDateSince: articles.outOfDateSince,
      })
      .from(articles)
      .innerJoin(latest, isNewestEditionOfArticle)
      .innerJoin(categories, eq(categories.id, latest.categoryId))
      .leftJoin(authors, eq(authors.id, articles.authorId))
      .where(where)
      // latest.articleId is articles.id (the join), named on the edition so the index supplies the order.
      .orderBy(desc(latest.updatedAt), desc(latest.articleId))
      .limit(limit)
      .offset(offset)
  );
}

/** One typed word anywhere in the latest title, summary or the slug; LIKE's wildcards are taken as text. */
export function studioWordMatch(word: string): SQL {
  const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`(${latest.title} LIKE ${pattern} ESCAPE '\\' OR ${latest.summary} LIKE ${pattern} ESCAPE '\\' OR ${articles.slug} LIKE ${pattern} ESCAPE '\\')`;
}

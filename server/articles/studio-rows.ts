// No `import "server-only"`: the benchmark (bench/db-timings.ts) times this exact query outside
// Next. It reads no session; callers (server/articles/studio-queries.ts) authenticate first.
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Database } from "@/db/client";
import { articleEditions, articles, categories, users } from "@/db/schema";

/** Each item's newest edition, as the studio's lists filter on it. */
export const latest = alias(articleEditions, "latest");
const authors = alias(users, "authors");

/** The newest edition per article, joined: one row per item as the studio lists it. */
export function selectStudioRows(db: Pick<Database, "select">, where: SQL | undefined, limit: number, offset = 0) {
  return db
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
    })
    .from(articles)
    .innerJoin(
      latest,
      and(
        eq(latest.articleId, articles.id),
        eq(latest.number, sql`(SELECT MAX(number) FROM article_editions e WHERE e.article_id = ${articles.id})`),
      ),
    )
    .innerJoin(categories, eq(categories.id, latest.categoryId))
    .leftJoin(authors, eq(authors.id, articles.authorId))
    .where(where)
    .orderBy(desc(latest.updatedAt), desc(articles.id))
    .limit(limit)
    .offset(offset);
}

/** One typed word anywhere in the latest title, summary or the slug; LIKE's wildcards are taken as text. */
export function studioWordMatch(word: string): SQL {
  const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`(${latest.title} LIKE ${pattern} ESCAPE '\\' OR ${latest.summary} LIKE ${pattern} ESCAPE '\\' OR ${articles.slug} LIKE ${pattern} ESCAPE '\\')`;
}

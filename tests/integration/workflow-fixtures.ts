import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { articles } from "@/db/schema";
import * as drafts from "@/server/articles/drafts";
import * as flow from "@/server/editorial/transitions";
import * as publicArticleModule from "@/server/public/article";
import * as publicNewsModule from "@/server/public/news";
import { actAs } from "../support/session";
import { body, draftPayload } from "../support/workflow";

/** The reader-side functions the workflow tests check public visibility through. */
export const reader = { ...publicArticleModule, ...publicNewsModule };

/** A writer's new item, saved with this title and sent for review. */
export async function writtenAndSubmitted(title: string) {
  actAs("writer");
  const { id } = await drafts.createArticle();
  const saved = await drafts.saveArticleDraft(draftPayload(id, 1, { title, slug: `item-${id}`, body: body(`${title} body text.`) }));
  await flow.applyTransition("article", { articleId: id, transition: "submit" });
  return { id, slug: `item-${id}`, version: saved.version };
}

/** Whether the item is public on each surface: its page (not withdrawn), the listing, the search index. */
export async function isPublic(db: Database, slug: string, title: string) {
  const page = await reader.getPublishedArticleBySlug({ slug });
  const listed = (await reader.listPublishedArticles({ page: 1 })).items.some((i) => i.slug === slug);
  const [article] = await db.select({ id: articles.id }).from(articles).where(eq(articles.slug, slug));
  const [indexed] = await db.all<{ n: number }>(
    sql`SELECT count(*) AS n FROM article_search WHERE rowid = ${article!.id} AND article_search MATCH ${`"${title}"`}`,
  );
  const found = Number(indexed?.n ?? 0) === 1;
  return { page: page !== null && page.withdrawal === null, listed, found };
}

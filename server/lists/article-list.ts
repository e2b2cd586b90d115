import "server-only";
import { desc, eq } from "drizzle-orm";
import { articleEditions, type ListPlacement } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { requireCapability } from "../auth/current-user";
import { getDatabase } from "../db";
import { articleIdSchema, parseListInput } from "./input";
import { resolveListForArticle, type ResolvedItem } from "../public/recommendations";

export type ArticleListPreview = {
  list: { id: number; name: string; placement: ListPlacement } | null;
  items: ResolvedItem[];
};

/**
 * For the article editor: the published list readers will see under this
 * item (its own, else its category's, else the default), with the same
 * filtering as the public page and each item marked picked or filled.
 */
export async function getListForArticle(input: unknown): Promise<ArticleListPreview> {
  await requireCapability("studio:use", "list", "list.read");
  const { articleId } = parseListInput(articleIdSchema, input);
  const db = await getDatabase();
  const article = await db.query.articles.findFirst({ where: (a, { eq: is }) => is(a.id, articleId) });
  if (!article) throw new AppError("not_found:list", "There is no news item with that number.");
  // An unpublished item has no public category yet: its newest edition says where it will go.
  const [newest] = await db
    .select({ categoryId: articleEditions.categoryId })
    .from(articleEditions)
    .where(eq(articleEditions.articleId, articleId))
    .orderBy(desc(articleEditions.number))
    .limit(1);
  const categoryId = article.categoryId ?? newest?.categoryId ?? null;
  const resolved = await resolveListForArticle(db, { articleId, categoryId, language: article.language });
  if (!resolved) return { list: null, items: [] };
  const { list, items } = resolved;
  return { list: { id: list.id, name: list.name, placement: list.placement }, items };
}

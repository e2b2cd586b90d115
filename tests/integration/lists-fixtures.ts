/** Shared set-up of the list integration tests: the seed pages, articles by title, and a list made and published for an article. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { articleEditions, articles, categories, type Role } from "@/db/schema";
import { parseSeedDocument } from "@/lib/content/seed-parser";
import * as lists from "@/server/lists/lists";
import * as flow from "@/server/editorial/transitions";
import * as reader from "@/server/public/article";
import { actAs } from "../support/session";
import { SEEDS_DIR } from "../support/temp-db";
import { seenListVersion } from "../support/workflow";

export const seminar = parseSeedDocument(readFileSync(join(SEEDS_DIR, "governor-meets-global-partners-seminar.txt"), "utf8"));
export const communique = parseSeedDocument(readFileSync(join(SEEDS_DIR, "joint-communique-rome-tokyo.txt"), "utf8"));

export async function articleByTitle(db: Database, title: string) {
  const [row] = await db
    .select({ id: articles.id, categoryId: articles.categoryId })
    .from(articles)
    .innerJoin(articleEditions, eq(articleEditions.id, articles.publishedEditionId))
    .where(eq(articleEditions.title, title));
  if (!row) throw new Error(`no article ${title}`);
  const [category] = await db.select().from(categories).where(eq(categories.id, row.categoryId!));
  return { id: row.id, categorySlug: category!.slug, categoryId: category!.id };
}

export const shown = async (db: Database, title: string) => {
  const a = await articleByTitle(db, title);
  return (await reader.getRecommendationsForArticle({ articleId: a.id, categorySlug: a.categorySlug })).map((r) => r.title);
};
export const rec = (i: number) => seminar.recommended[i]!.title;
export const entry = async (db: Database, i: number) => ({ kind: "article" as const, articleId: (await articleByTitle(db, rec(i))).id });

export async function listFor(db: Database, articleTitle: string, picks: number[], extra: Record<string, unknown> = {}) {
  const target = await articleByTitle(db, articleTitle);
  actAs("writer");
  const { id, version } = await lists.createRecommendationList({
    name: `For ${articleTitle.slice(0, 20)}`,
    placement: "article",
    articleId: target.id,
    maxItems: 5,
    ...extra,
  });
  const saved = await lists.saveRecommendationListDraft({
    listId: id,
    version,
    name: "Three picks",
    maxItems: 5,
    fillFromCategory: false,
    entries: await Promise.all(picks.map((i) => entry(db, i))),
    ...extra,
  });
  return { id, version: saved.version, target };
}

export async function publishAs(db: Database, listId: number, by: Role = "publisher") {
  actAs("writer");
  await flow.applyTransition("list", { listId, transition: "submit" });
  actAs(by);
  await flow.applyTransition("list", { listId, version: await seenListVersion(db, listId), transition: "approve" });
  return flow.applyTransition("list", { listId, version: await seenListVersion(db, listId), transition: "publish" });
}

import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import { eq } from "drizzle-orm";
import { prepareDatabase } from "@/db/setup";
import { articleEditions, articles, categories } from "@/db/schema";

export const DRAFT_SLUG = "unpublished-draft-about-the-budget";

/** The demo seed plus one draft that readers must never see. */
export async function seedE2eFixtures(databaseUrl: string) {
  const { handle } = await prepareDatabase({ url: databaseUrl, demo: true, seedsDir: resolve("db/demo") });
  const [category] = await handle.db.select().from(categories).limit(1);
  const [article] = await handle.db
    .insert(articles)
    .values({ slug: DRAFT_SLUG, guid: randomUUID(), status: "draft", categoryId: category!.id })
    .returning();
  const [edition] = await handle.db
    .insert(articleEditions)
    .values({
      articleId: article!.id,
      number: 1,
      title: "Unpublished draft about the budget",
      body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Secret draft text" }] }] },
      categoryId: category!.id,
      datelineDate: "2026-11-20",
    })
    .returning();
  await handle.db.update(articles).set({ publishedEditionId: edition!.id }).where(eq(articles.id, article!.id));
  handle.client.close();
}

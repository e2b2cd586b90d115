import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { articleEditions } from "@/db/schema";

type Reader = Pick<Database, "select">;

/** The newest edition of an article: the one the studio edits and the workflow moves. */
export async function getLatestEdition(db: Reader, articleId: number) {
  const [edition] = await db
    .select()
    .from(articleEditions)
    .where(eq(articleEditions.articleId, articleId))
    .orderBy(desc(articleEditions.number))
    .limit(1);
  return edition ?? null;
}

/**
 * The editors for scripts/load-with-writers.ts, in one process with one
 * database client, as the app server has (its writes queue in-process): each
 * editor, for `seconds`, alternately saves its own item (a versioned UPDATE,
 * as saveArticleDraft does) and publishes a new item through the data layer's
 * publish transaction. Prints one JSON summary per editor.
 */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { articleEditions, articles } from "@/db/schema";
import { articleType } from "@/server/articles/editorial-type";
import { publishEdition } from "@/server/editorial/publish";

const [url, secondsArg, editorsArg] = process.argv.slice(2);
const handle = await openDatabase(url!);
const { db } = handle;
const body = (text: string) => ({
  type: "doc" as const,
  content: [{ type: "paragraph" as const, content: [{ type: "text" as const, text }] }],
});

async function editor(name: string) {
  const [mine] = await db
    .insert(articles)
    .values({ slug: `load-${name}-${randomUUID()}`, guid: randomUUID(), status: "draft", categoryId: 1 })
    .returning();
  await db
    .insert(articleEditions)
    .values({ articleId: mine!.id, number: 1, title: `Editor ${name}`, body: body("start"), categoryId: 1, datelineDate: "2026-11-23" });
  let version = mine!.version;
  const stats = { name, saves: 0, publishes: 0, conflicts: 0, busy: 0, otherErrors: [] as string[], articleId: mine!.id, finalVersion: 0 };
  const until = Date.now() + Number(secondsArg) * 1000;
  // An editor's autosave fires at most a few times a second; pace each one at PACE_MS between writes.
  const pace = Number(process.env.LOAD_WRITER_PACE_MS ?? 100);
  for (let n = 0; Date.now() < until; n++) {
    if (pace) await new Promise((r) => setTimeout(r, pace));
    try {
      if (n % 2 === 0) {
        const ok = await db.transaction(async (tx) => {
          const bumped = await tx
            .update(articles)
            .set({ version: version + 1, updatedAt: new Date() })
            .where(and(eq(articles.id, mine!.id), eq(articles.version, version)))
            .returning({ version: articles.version });
          if (bumped.length === 0) return false;
          await tx
            .update(articleEditions)
            .set({ title: `Editor ${name} save ${n}`, body: body(`save ${n}`) })
            .where(eq(articleEditions.articleId, mine!.id));
          return true;
        });
        if (ok) {
          version++;
          stats.saves++;
        } else stats.conflicts++;
      } else {
        await db.transaction(async (tx) => {
          const [article] = await tx
            .insert(articles)
            .values({ slug: `load-pub-${randomUUID()}`, guid: randomUUID(), status: "draft", categoryId: 1 })
            .returning();
          const [edition] = await tx
            .insert(articleEditions)
            .values({
              articleId: article!.id,
              number: 1,
              title: `Published by ${name} ${n}`,
              body: body(`published ${n}`),
              categoryId: 1,
              datelineDate: "2026-11-23",
            })
            .returning();
          await publishEdition(articleType, { tx, item: article!, edition: edition!, actorId: null, now: new Date() });
        });
        stats.publishes++;
      }
    } catch (error) {
      const text =
        String((error as { code?: string }).code ?? "") +
        " " +
        String((error as Error).message) +
        " " +
        String((error as { cause?: Error }).cause?.message ?? "");
      if (/SQLITE_BUSY|database is locked/i.test(text)) stats.busy++;
      else stats.otherErrors.push(text.slice(0, 200));
    }
  }
  const [row] = await db.select({ version: articles.version }).from(articles).where(eq(articles.id, mine!.id));
  stats.finalVersion = row!.version;
  return stats;
}

const results = await Promise.all(Array.from({ length: Number(editorsArg) }, (_, i) => editor(`e${i + 1}`)));
handle.client.close();
for (const stats of results) process.stdout.write(JSON.stringify(stats) + "\n");

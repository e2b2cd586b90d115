/**
 * Run by tests/integration/backup-durability.test.ts in its own process (and
 * SIGKILLed there mid-stream): saves and publishes news items straight through
 * the data layer's transactions on a file database, printing "ACK <kind> <id>"
 * only after each transaction has committed.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { articleEditions, articles } from "@/db/schema";
import { articleType } from "@/server/articles/editorial-type";
import { publishEdition } from "@/server/editorial/publish";

const handle = await openDatabase(process.argv[2]!);
const body = (n: number) => ({
  type: "doc" as const,
  content: [{ type: "paragraph" as const, content: [{ type: "text" as const, text: `Durability item ${n} body words` }] }],
});
for (let n = 0; ; n++) {
  const publish = n % 2 === 1;
  const id = await handle.db.transaction(async (tx) => {
    const [article] = await tx
      .insert(articles)
      .values({ slug: `durability-${randomUUID()}`, guid: randomUUID(), status: "draft", categoryId: 1 })
      .returning();
    const [edition] = await tx
      .insert(articleEditions)
      .values({
        articleId: article!.id,
        number: 1,
        title: `Durability item ${n}`,
        body: body(n),
        categoryId: 1,
        datelineDate: "2026-11-23",
        state: "draft",
      })
      .returning();
    if (publish) {
      const fresh = await tx.query.articles.findFirst({ where: eq(articles.id, article!.id) });
      await publishEdition(articleType, { tx, item: fresh!, edition: edition!, actorId: null, now: new Date() });
    }
    return article!.id;
  });
  process.stdout.write(`ACK ${publish ? "publish" : "save"} ${id}\n`);
}

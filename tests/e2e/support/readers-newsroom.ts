import { eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { articleEditions, articles, categories } from "@/db/schema";
import { prepareDatabase } from "@/db/setup";
import { toTokyoLocalInput } from "@/lib/schedule-time";
import { actAs } from "../../support/session";
import { staffByRole } from "../../support/staff";
import { body, draftPayload, seenListVersion, seenVersion } from "../../support/workflow";

/**
 * The newsroom's side of the readers-* tests: real server/ commands (authorization,
 * transaction, durable tag expiry) run in the test process against the servers' database.
 * The test file must mock "server-only" and next/cache and import ../support/auth-stub first.
 */
export async function openNewsroom(databaseUrl: string) {
  const { handle } = await prepareDatabase({ url: databaseUrl, demo: true, seedsDir: "db/demo" });
  handle.client.close();
  process.env.DATABASE_URL = databaseUrl;
  const { db, client } = await openDatabase(databaseUrl);
  const staff = await staffByRole(db);
  const drafts = await import("@/server/articles/drafts");
  const flow = await import("@/server/editorial/transitions");
  const withdrawal = await import("@/server/workflow/withdrawal");
  const lists = await import("@/server/lists/lists");
  const listFlow = await import("@/server/editorial/transitions");
  const [government] = await db.select().from(categories).where(eq(categories.slug, "government"));

  async function idOf(slug: string) {
    const [row] = await db.select({ id: articles.id }).from(articles).where(eq(articles.slug, slug));
    if (!row) throw new Error(`no article ${slug}`);
    return row.id;
  }

  return {
    db,
    close: () => client.close(),
    /** Written, reviewed and published by three people, as the workflow demands. */
    async publish(title: string, { schedule = false } = {}) {
      actAs(staff.writer);
      const { id } = await drafts.createArticle();
      const slug = `readers-${id}-${Date.now()}`;
      await drafts.saveArticleDraft(
        draftPayload(id, 1, { title, slug, categoryId: government!.id, summary: `${title} summary.`, body: body(`${title} body text.`) }),
      );
      await flow.applyTransition("article", { articleId: id, transition: "submit" });
      actAs(staff.publisher);
      await flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "approve" });
      if (!schedule) await flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "publish" });
      else {
        // Two minutes ahead: the studio's minute precision must still leave the 30 s lead.
        await flow.applyTransition("article", {
          articleId: id,
          version: await seenVersion(db, id),
          transition: "schedule",
          scheduledFor: toTokyoLocalInput(new Date(Date.now() + 120_000)),
        });
        // Due now, as if the minute had passed while nobody was looking.
        await db
          .update(articleEditions)
          .set({ scheduledFor: new Date(Date.now() - 1_000) })
          .where(eq(articleEditions.articleId, id));
      }
      return { id, slug, title };
    },
    async withdraw(slug: string) {
      actAs(staff.publisher);
      await withdrawal.withdrawArticle({ articleId: await idOf(slug), explanation: "Withdrawn by the readers test." });
    },
    /** A list placed on one article with one external link, published: a "list change". */
    async placeList(onSlug: string, linkTitle: string) {
      actAs(staff.writer);
      const { id, version } = await lists.createRecommendationList({
        name: `Readers ${Date.now()}`,
        placement: "article",
        articleId: await idOf(onSlug),
        maxItems: 5,
      });
      await lists.saveRecommendationListDraft({
        listId: id,
        version,
        name: "Readers list",
        maxItems: 5,
        fillFromCategory: false,
        entries: [{ kind: "external", url: "https://www.metro.tokyo.lg.jp/", title: linkTitle, date: "2026-02-01" }],
      });
      await listFlow.applyTransition("list", { listId: id, transition: "submit" });
      actAs(staff.publisher);
      await listFlow.applyTransition("list", { listId: id, version: await seenListVersion(db, id), transition: "approve" });
      await listFlow.applyTransition("list", { listId: id, version: await seenListVersion(db, id), transition: "publish" });
    },
  };
}

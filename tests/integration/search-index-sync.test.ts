import { eq, sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import { articles } from "@/db/schema";
import { rebuildSearchIndex, syncArticleSearchEntry } from "@/db/search-index";
import { integrationTest } from "../support/fixtures";
import { indexRows, slugsFor } from "./search-helpers";
import { HIDDEN, insertArticle, insertHiddenItems } from "./syndication-fixtures";

const it = integrationTest();

let hidden: Awaited<ReturnType<typeof insertHiddenItems>>;

it.beforeAll(async ({ db }) => {
  hidden = await insertHiddenItems(db);
  await rebuildSearchIndex(db);
});

describe("keeping the index in step with publishing", () => {
  it("a withdrawn item disappears at once when syncArticleSearchEntry runs in the withdrawing transaction", async ({ db }) => {
    const item = await insertArticle(db, {
      slug: "notice-about-the-gondola",
      title: "Notice about the gondola",
      text: "The gondola service resumes.",
      status: "published",
      editionState: "published",
      firstPublishedAt: new Date("2026-03-04T03:00:00Z"),
    });
    await db.transaction(async (tx) => {
      expect(await syncArticleSearchEntry(tx, item.article.id)).toBe("indexed");
    });
    expect(await slugsFor("gondola")).toEqual(["notice-about-the-gondola"]);

    await db.transaction(async (tx) => {
      await tx.update(articles).set({ status: "withdrawn", withdrawnAt: new Date() }).where(eq(articles.id, item.article.id));
      expect(await syncArticleSearchEntry(tx, item.article.id)).toBe("removed");
    });
    expect(await slugsFor("gondola")).toEqual([]);
    expect(await indexRows(db, item.article.id)).toBe(0);
  });

  it("a rolled-back publication leaves the index as it was", async ({ db }) => {
    const id = hidden.scheduled.article.id;
    await expect(
      db.transaction(async (tx) => {
        await tx
          .update(articles)
          .set({ status: "published", publishedEditionId: hidden.scheduled.edition.id, firstPublishedAt: new Date() })
          .where(eq(articles.id, id));
        await syncArticleSearchEntry(tx, id);
        throw new Error("publishing failed");
      }),
    ).rejects.toThrow("publishing failed");
    expect(await indexRows(db, id)).toBe(0);
    expect(await slugsFor(HIDDEN.scheduled.word)).toEqual([]);
  });

  it("a scheduled item appears once it fires, and a scheduled edition's words replace the old ones", async ({ db }) => {
    const firedAt = new Date();
    await db.transaction(async (tx) => {
      await tx
        .update(articles)
        .set({ status: "published", publishedEditionId: hidden.scheduled.edition.id, firstPublishedAt: firedAt, publicUpdatedAt: firedAt })
        .where(eq(articles.id, hidden.scheduled.article.id));
      await syncArticleSearchEntry(tx, hidden.scheduled.article.id);
      await tx
        .update(articles)
        .set({ publishedEditionId: hidden.embargoed.id, publicUpdatedAt: firedAt })
        .where(eq(articles.id, hidden.live.article.id));
      await syncArticleSearchEntry(tx, hidden.live.article.id);
    });
    expect(await slugsFor(HIDDEN.scheduled.word)).toEqual([HIDDEN.scheduled.slug]);
    expect(await slugsFor(HIDDEN.embargoedEdition.word)).toEqual([hidden.live.article.slug]);
    expect(await slugsFor("original wording")).toEqual([]);
    expect(await indexRows(db, hidden.live.article.id)).toBe(1);
  });

  it("a draft is never indexed, even when asked", async ({ db }) => {
    expect(await syncArticleSearchEntry(db, hidden.draft.article.id)).toBe("removed");
    expect(await slugsFor(HIDDEN.draft.word)).toEqual([]);
  });

  it("rebuildSearchIndex indexes exactly the published items", async ({ db }) => {
    const count = await rebuildSearchIndex(db);
    const [published] = await db.all<{ n: number }>(
      sql`SELECT count(*) AS n FROM articles a JOIN article_editions e ON e.id = a.published_edition_id WHERE a.status = 'published'`,
    );
    const [indexed] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM article_search`);
    expect(count).toBe(published!.n);
    expect(indexed!.n).toBe(published!.n);
  });
});

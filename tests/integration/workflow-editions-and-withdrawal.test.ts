import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { articleEditions, articles } from "@/db/schema";
import * as drafts from "@/server/articles/drafts";
import * as queries from "@/server/articles/studio-queries";
import * as flow from "@/server/editorial/transitions";
import * as withdrawal from "@/server/workflow/withdrawal";
import { integrationTest } from "../support/fixtures";
import { actAs } from "../support/session";
import { body, draftPayload, failure, seenVersion } from "../support/workflow";
import { isPublic, reader, writtenAndSubmitted } from "./workflow-fixtures";

const it = integrationTest();

describe("editions and change notes", () => {
  it("keeps the published edition public until the new one is published, then shows the change note", async ({ db }) => {
    const { id, slug } = await writtenAndSubmitted("Meeting on disaster drills Ota");
    actAs("publisher");
    await flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "approve" });
    await flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "publish" });
    const first = await reader.getPublishedArticleBySlug({ slug });
    actAs("writer");
    const current = await queries.getArticleForEditing({ id });
    await drafts.saveArticleDraft(
      draftPayload(id, current.version, { slug, title: "Meeting on disaster drills Ota", body: body("The meeting is on December 3.") }),
    );
    expect(await reader.getPublishedArticleBySlug({ slug })).toEqual(first);
    await flow.applyTransition("article", { articleId: id, transition: "submit" });
    actAs("publisher");
    await flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "approve" });
    expect(
      (await failure(flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "publish" })))
        .details,
    ).toMatchObject({ fields: { changeType: expect.any(String) } });
    expect(
      (
        await failure(
          flow.applyTransition("article", {
            articleId: id,
            version: await seenVersion(db, id),
            transition: "publish",
            changeType: "major",
          }),
        )
      ).details,
    ).toMatchObject({ fields: { changeNote: expect.any(String) } });
    const later = new Date(Date.now() + 86_400_000);
    await flow.applyTransition(
      "article",
      {
        articleId: id,
        version: await seenVersion(db, id),
        transition: "publish",
        changeType: "major",
        changeNote: "Corrected the meeting date",
      },
      { now: later },
    );
    const second = await reader.getPublishedArticleBySlug({ slug });
    expect(second!.bodyHtml).toContain("December 3");
    expect(second!.changes).toEqual([{ date: expect.any(String), note: "Corrected the meeting date" }]);
    expect(second!.updatedAt).not.toBe(first!.updatedAt);
    expect(second!.firstPublishedAt).toBe(first!.firstPublishedAt);
    const editions = await db.select().from(articleEditions).where(eq(articleEditions.articleId, id));
    expect(editions.map((e) => e.state).sort()).toEqual(["published", "superseded"]);
  });
});

describe("withdrawal", () => {
  it("keeps the page with a notice, removes the item from listings and search, and restores it", async ({ db }) => {
    const { id, slug } = await writtenAndSubmitted("Withdrawn notice Mitaka");
    actAs("publisher");
    await flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "approve" });
    await flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "publish" });
    expect((await failure(withdrawal.withdrawArticle({ articleId: id, explanation: "short" }))).status).toBe(400);
    actAs("editor");
    expect((await failure(withdrawal.withdrawArticle({ articleId: id, explanation: "Published in error before the event." }))).status).toBe(
      403,
    );
    actAs("publisher");
    await withdrawal.withdrawArticle({ articleId: id, explanation: "Published in error before the event." });
    const page = await reader.getPublishedArticleBySlug({ slug });
    expect(page?.withdrawal).toMatchObject({ explanation: "Published in error before the event." });
    expect(await isPublic(db, slug, "Mitaka")).toEqual({ page: false, listed: false, found: false });
    await withdrawal.restoreWithdrawnArticle({ articleId: id });
    expect(await isPublic(db, slug, "Mitaka")).toEqual({ page: true, listed: true, found: true });
    const [row] = await db.select().from(articles).where(eq(articles.id, id));
    expect(row!.status).toBe("published");
  });
});

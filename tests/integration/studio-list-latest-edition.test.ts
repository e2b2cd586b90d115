import { describe, expect } from "vitest";
import * as drafts from "@/server/articles/drafts";
import * as queries from "@/server/articles/studio-queries";
import * as flow from "@/server/editorial/transitions";
import * as revisions from "@/server/workflow/revisions";
import * as withdrawal from "@/server/workflow/withdrawal";
import { integrationTest } from "../support/fixtures";
import { body, draftPayload, seenVersion } from "../support/workflow";

const it = integrationTest();

/** The studio list's row for one item, and how many rows it has (one per item, never one per edition). */
async function studioRowOf(id: number, filters: Partial<Parameters<typeof queries.listStudioArticles>[0]> = {}) {
  const { items } = await queries.listStudioArticles({ page: 1, ...filters });
  const rows = items.filter((r) => r.id === id);
  return { row: rows[0], rows: rows.length, first: items[0]?.id };
}

// The list reads "the newest edition" and sorts by its last change (server/articles/studio-rows.ts,
// which walks article_editions_updated_idx): every write that creates or changes an edition must show.
describe("the studio list shows each item's newest edition", () => {
  it("after create, save, publish, a save into the published item (new edition), restore and withdrawal", async ({ db, actAs }) => {
    actAs("writer");
    const { id } = await drafts.createArticle();
    expect(await studioRowOf(id)).toMatchObject({ rows: 1, first: id, row: { editionNumber: 1, state: "draft", status: "draft" } });

    await drafts.saveArticleDraft(draftPayload(id, 1, { title: "Harbour ferry timetable", slug: `item-${id}`, body: body("Ferries.") }));
    await flow.applyTransition("article", { articleId: id, transition: "submit" });
    actAs("publisher");
    await flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "approve" });
    await flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "publish" });
    expect(await studioRowOf(id)).toMatchObject({
      rows: 1,
      row: { editionNumber: 1, state: "published", status: "published", title: "Harbour ferry timetable" },
    });

    actAs("writer");
    const current = await queries.getArticleForEditing({ id });
    const saved = await drafts.saveArticleDraft(
      draftPayload(id, current.version, { title: "Harbour ferry timetable (winter)", slug: `item-${id}`, body: body("Winter ferries.") }),
    );
    expect(saved.editionNumber).toBe(2);
    expect(await studioRowOf(id)).toMatchObject({
      rows: 1,
      first: id,
      row: { editionNumber: 2, state: "draft", status: "published", title: "Harbour ferry timetable (winter)" },
    });
    // Filters apply to the newest edition: edition 1 is still live, but the item's newest words are a draft.
    expect((await studioRowOf(id, { state: "published" })).rows).toBe(0);
    expect((await studioRowOf(id, { state: "draft" })).rows).toBe(1);

    const [newest] = (await revisions.listRevisions({ articleId: id })).revisions;
    const older = (await revisions.listRevisions({ articleId: id })).revisions.find((r) => r.title === "Harbour ferry timetable");
    expect(newest!.title).toBe("Harbour ferry timetable (winter)");
    await revisions.restoreRevision({ articleId: id, revisionId: older!.id });
    expect(await studioRowOf(id)).toMatchObject({ rows: 1, row: { editionNumber: 2, state: "draft", title: "Harbour ferry timetable" } });

    actAs("publisher");
    await withdrawal.withdrawArticle({ articleId: id, explanation: "Published before the timetable was confirmed." });
    expect(await studioRowOf(id)).toMatchObject({ rows: 1, row: { editionNumber: 2, state: "draft", status: "withdrawn" } });
    expect((await studioRowOf(id, { status: "withdrawn" })).rows).toBe(1);
  });

  it("lists the most recently changed item first, whichever edition changed", async ({ actAs }) => {
    actAs("writer");
    const { id: older } = await drafts.createArticle({}, { now: new Date(Date.now() - 60_000) });
    const { id: newer } = await drafts.createArticle();
    expect((await studioRowOf(newer)).first).toBe(newer);
    await drafts.saveArticleDraft(draftPayload(older, 1, { title: "Typhoon shelters open", slug: `item-${older}`, body: body("Open.") }));
    expect(await studioRowOf(older)).toMatchObject({ first: older, rows: 1, row: { title: "Typhoon shelters open" } });
  });
});

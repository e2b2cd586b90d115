import { describe, expect } from "vitest";
import * as drafts from "@/server/articles/drafts";
import { previewRestore } from "@/server/workflow/restore-preview";
import * as revisions from "@/server/workflow/revisions";
import { failure } from "../support/failure";
import { integrationTest } from "../support/fixtures";

const it = integrationTest();

const body = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const fields = {
  title: "Governor visits Rome",
  summary: "A short visit.",
  categoryId: 1,
  datelineDate: "2026-02-05",
  signatories: [],
  tags: ["Rome"],
  body: body("The governor met the mayor on Monday."),
};

/** An item saved twice: the second save rewrites the body and adds a signatory. */
async function itemWithTwoSaves() {
  const { id } = await drafts.createArticle();
  await drafts.saveArticleDraft({ id, version: 1, slug: `governor-visits-rome-${id}`, ...fields });
  await drafts.saveArticleDraft({
    id,
    version: 2,
    slug: `governor-visits-rome-${id}`,
    ...fields,
    signatories: [{ name: "Aiko Sato", title: "Governor" }],
    body: body("The governor met the deputy mayor on Tuesday."),
  });
  return id;
}

describe("what each save changed", () => {
  it("lists, with every save, what it changed from the save before", async ({ actAs }) => {
    actAs("writer");
    const id = await itemWithTwoSaves();
    const { revisions: saves } = await revisions.listRevisions({ articleId: id });
    expect(saves.map((r) => r.changes)).toEqual(["Body (+2 −1 words), Signatories", "First save"]);
    expect(saves[0]!.savedBy).toBe("Wakana Writer");
  });
});

describe("the restore preview", () => {
  it("reads from the current draft to the restored save: the draft's own words are the ones removed", async ({ actAs }) => {
    actAs("writer");
    const id = await itemWithTwoSaves();
    const [, first] = (await revisions.listRevisions({ articleId: id })).revisions;
    const preview = await previewRestore({ articleId: id, revisionId: first!.id });
    expect(preview.changes).toBe("Body (+1 −2 words), Signatories");
    expect(preview.body.filter((p) => p.removed).map((p) => p.value.trim())).toEqual(["deputy", "Tuesday"]);
    expect(preview.body.filter((p) => p.added).map((p) => p.value.trim())).toEqual(["Monday"]);
    const after = preview.body
      .filter((p) => !p.removed)
      .map((p) => p.value)
      .join("");
    expect(after).toBe("The governor met the mayor on Monday.");

    await revisions.restoreRevision({ articleId: id, revisionId: first!.id });
    const [restored] = (await revisions.listRevisions({ articleId: id })).revisions;
    expect(restored!.changes).toBe("Body (+1 −2 words), Signatories");
    expect((await previewRestore({ articleId: id, revisionId: first!.id })).changed).toBe(false);
  });

  it("refuses a save of another item, a malformed id and anyone signed out", async ({ actAs }) => {
    actAs("writer");
    const id = await itemWithTwoSaves();
    const other = await itemWithTwoSaves();
    const [foreign] = (await revisions.listRevisions({ articleId: other })).revisions;
    expect((await failure(previewRestore({ articleId: id, revisionId: foreign!.id }))).status).toBe(404);
    expect((await failure(previewRestore({ articleId: id, revisionId: -1 }))).status).toBe(400);
    actAs(null);
    expect((await failure(previewRestore({ articleId: id, revisionId: foreign!.id }))).status).toBe(401);
  });
});

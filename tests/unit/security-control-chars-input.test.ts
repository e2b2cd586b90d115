import { describe, expect, it } from "vitest";
import { articleDraftSchema } from "@/lib/article-input";
import { createListSchema, listTransitionSchema, saveDraftSchema } from "@/server/lists/input";

/**
 * Issue 14: text pasted from Word carries vertical tabs and other characters
 * XML 1.0 forbids. A newsroom expects the junk to vanish quietly, not a
 * refusal it cannot see, so the input schemas strip it before trimming and
 * length checks.
 */
const JUNK = "\u000B\u0000\u0008\u001F\uFFFE\uFFFF\uD800";

describe("the article input schema strips characters XML forbids", () => {
  it("from the title, summary, signatories and tags, keeping tab and newline", () => {
    const parsed = articleDraftSchema.parse({
      id: 1,
      version: 1,
      title: `${JUNK} Budget${JUNK} plan `,
      slug: "budget-plan",
      summary: `Line one\nline\ttwo${JUNK}`,
      categoryId: 1,
      datelineDate: "2026-02-06",
      signatories: [{ name: `Aiko${JUNK}`, title: `Gov\u000Bernor` }],
      tags: [`bud\u000Bget`],
      body: {},
    });
    expect(parsed.title).toBe("Budget plan");
    expect(parsed.summary).toBe("Line one\nline\ttwo");
    expect(parsed.signatories).toEqual([{ name: "Aiko", title: "Governor" }]);
    expect(parsed.tags).toEqual(["budget"]);
  });

  it("a title of nothing but junk is empty, so it is refused as missing", () => {
    const parsed = articleDraftSchema.safeParse({
      id: 1,
      version: 1,
      title: JUNK,
      slug: "x",
      summary: "",
      categoryId: 1,
      datelineDate: "2026-02-06",
      signatories: [],
      tags: [],
      body: {},
    });
    expect(parsed.success).toBe(false);
  });
});

describe("the list input schemas strip them too", () => {
  it("names, link titles and comments", () => {
    expect(createListSchema.parse({ name: `Top\u000B stories`, placement: "default" }).name).toBe("Top stories");
    const draft = saveDraftSchema.parse({
      listId: 1,
      version: 1,
      name: `Pick${JUNK}s`,
      maxItems: 5,
      fillFromCategory: false,
      entries: [{ kind: "external", url: "https://example.org/", title: `Elsewhere\u000B`, date: "2026-02-06" }],
    });
    expect(draft.name).toBe("Picks");
    expect(draft.entries[0]).toMatchObject({ title: "Elsewhere" });
    expect(listTransitionSchema.parse({ listId: 1, transition: "submit", comment: `ok\u000B` }).comment).toBe("ok");
  });
});

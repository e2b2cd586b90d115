import { describe, expect, it } from "vitest";
import { formatTokyoDateTimeSeconds } from "@/lib/dates";
import { describeRevisionChanges, revisionChanges, wordDiff, type RevisionSnapshot } from "@/lib/revision-changes";

const base: RevisionSnapshot = {
  title: "Governor visits Rome",
  summary: "A short visit.",
  bodyText: "The governor met the mayor on Monday.",
  bodyJson: '{"type":"doc","content":[{"type":"paragraph","text":"The governor met the mayor on Monday."}]}',
  categoryId: 1,
  datelineDate: "2026-02-05",
  signatories: [{ name: "Aiko Sato", title: "Governor" }],
  tags: ["Rome"],
};
const withBody = (text: string): Partial<RevisionSnapshot> => ({ bodyText: text, bodyJson: JSON.stringify(text) });

describe("what changed between two saves", () => {
  it("calls the oldest save the first one, and a save of the same words no change", () => {
    expect(describeRevisionChanges(null, base)).toBe("First save");
    expect(describeRevisionChanges(base, { ...base })).toBe("No changes");
  });

  it("names the title and counts the body words added and removed", () => {
    const after = { ...base, title: "Governor visits Rome and Milan", ...withBody("The governor met the deputy mayor on Tuesday.") };
    expect(describeRevisionChanges(base, after)).toBe("Title, Body (+2 −1 words)");
    expect(revisionChanges(base, after)).toEqual({ fields: ["Title", "Body"], wordsAdded: 2, wordsRemoved: 1 });
  });

  it("uses the singular for one word and does not count punctuation as words", () => {
    expect(describeRevisionChanges(base, { ...base, ...withBody("The governor met the mayor on Monday, again.") })).toBe(
      "Body (+1 −0 word)",
    );
    expect(describeRevisionChanges(base, { ...base, ...withBody("The governor met the mayor Monday.") })).toBe("Body (+0 −1 word)");
    expect(describeRevisionChanges(base, { ...base, ...withBody("The governor met the mayor on Monday!") })).toBe("Body (+0 −0 words)");
  });

  it("counts the same words as a diff of the whole body, however long the unchanged start and end", () => {
    const long = Array.from({ length: 400 }, (_, i) => `word${i % 37}`).join(" ");
    const cases: [string, string][] = [
      ["a b", "a bc"],
      ["a bc", "a b"],
      [`${long} mayor on Monday. ${long}`, `${long} deputy mayor on Tuesday. ${long}`],
      [`${long}`, `${long} and one more sentence.`],
      [`Start ${long}`, `A new start ${long}`],
      [`${long} end.`, `${long}end.`],
    ];
    for (const [before, after] of cases) {
      const full = wordDiff(before, after);
      const words = (parts: typeof full) => parts.flatMap((p) => p.value.split(/\s+/).filter((w) => /\w/.test(w))).length;
      expect(revisionChanges({ ...base, ...withBody(before) }, { ...base, ...withBody(after) })).toMatchObject({
        wordsAdded: words(full.filter((p) => p.added)),
        wordsRemoved: words(full.filter((p) => p.removed)),
      });
    }
  });

  it("reports a change of formatting or links that keeps the words", () => {
    expect(describeRevisionChanges(base, { ...base, bodyJson: base.bodyJson.replace("paragraph", "heading") })).toBe("Body (formatting)");
  });

  it("names each of the other fields a restore or a save replaces, in the editor's order", () => {
    expect(describeRevisionChanges(base, { ...base, summary: "A longer visit." })).toBe("Summary");
    expect(describeRevisionChanges(base, { ...base, signatories: [{ name: "Aiko Sato", title: "Vice-Governor" }] })).toBe("Signatories");
    expect(describeRevisionChanges(base, { ...base, categoryId: 2 })).toBe("Category");
    expect(
      describeRevisionChanges(base, { ...base, tags: ["Rome", "Milan"], datelineDate: "2026-02-06", categoryId: 3, summary: "" }),
    ).toBe("Summary, Category, Dateline, Tags");
  });

  it("reads a word diff from the older text to the newer one", () => {
    expect(wordDiff("on Monday with the mayor", "on Tuesday with the mayor")).toEqual([
      { value: "on " },
      { removed: true, value: "Monday" },
      { added: true, value: "Tuesday" },
      { value: " with the mayor" },
    ]);
    expect(wordDiff("", "")).toEqual([]);
  });
});

describe("times of saves", () => {
  it("shows Tokyo time with seconds, so saves in the same minute differ", () => {
    expect(formatTokyoDateTimeSeconds("2026-02-05T05:02:37.512Z")).toBe("5 Feb 2026, 14:02:37 JST");
    expect(formatTokyoDateTimeSeconds(new Date("2026-02-05T05:02:05Z"))).toBe("5 Feb 2026, 14:02:05 JST");
  });
});

import { diffWords } from "diff";

/** One run of a word diff: words only in the newer text are `added`, words only in the older one `removed`. */
export type DiffPart = { added?: true; removed?: true; value: string };

/** What a save holds, as far as a person comparing two saves cares: the body as plain text and as stored JSON. */
export type RevisionSnapshot = {
  title: string;
  summary: string;
  bodyText: string;
  /** The stored document, serialised: catches a change of formatting or links that leaves the words alone. */
  bodyJson: string;
  categoryId: number;
  datelineDate: string;
  signatories: readonly { name: string; title: string }[];
  tags: readonly string[];
};

export type RevisionChanges = {
  /** Field names in the editor's order, e.g. ["Title", "Body"]. */
  fields: string[];
  wordsAdded: number;
  wordsRemoved: number;
};

/** A big rewrite of a long body can make a word diff expensive; past this it shows as replaced whole. */
const DIFF_TIMEOUT_MS = 1_500;

/** Word-level differences reading from `before` to `after`. */
export function wordDiff(before: string, after: string): DiffPart[] {
  const changes = diffWords(before, after, { timeout: DIFF_TIMEOUT_MS }) ?? [
    { value: before, added: false, removed: true, count: 1 },
    { value: after, added: true, removed: false, count: 1 },
  ];
  return changes
    .filter((c) => c.value !== "")
    .map((c): DiffPart => (c.added ? { added: true, value: c.value } : c.removed ? { removed: true, value: c.value } : { value: c.value }));
}

/** Counts words, not punctuation: "mayor." is one word and a lone "," none. */
function countWords(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/**
 * Cuts the words both texts start and end with, at whitespace so no word is split. Consecutive
 * autosaves differ in a few words of a long body, and a shortest diff of the rest is the same
 * diff: this keeps "what changed" for hundreds of saves from costing a word diff of every body.
 */
function middles(before: string, after: string): [string, string] {
  const limit = Math.min(before.length, after.length);
  let start = 0;
  while (start < limit && before[start] === after[start]) start++;
  while (start > 0 && !/\s/.test(before[start - 1]!)) start--;
  let end = 0;
  while (end < limit - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  while (end > 0 && !/\s/.test(before[before.length - end]!)) end--;
  return [before.slice(start, before.length - end), after.slice(start, after.length - end)];
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) => JSON.stringify(a) === JSON.stringify(b);

/** What changed from one save to the next: which fields, and how many body words came and went. */
export function revisionChanges(before: RevisionSnapshot, after: RevisionSnapshot): RevisionChanges {
  const fields: string[] = [];
  if (before.title !== after.title) fields.push("Title");
  if (before.summary !== after.summary) fields.push("Summary");
  let wordsAdded = 0;
  let wordsRemoved = 0;
  if (before.bodyText !== after.bodyText) {
    for (const part of wordDiff(...middles(before.bodyText, after.bodyText))) {
      if (part.added) wordsAdded += countWords(part.value);
      if (part.removed) wordsRemoved += countWords(part.value);
    }
  }
  if (before.bodyText !== after.bodyText || before.bodyJson !== after.bodyJson) fields.push("Body");
  if (before.categoryId !== after.categoryId) fields.push("Category");
  if (before.datelineDate !== after.datelineDate) fields.push("Dateline");
  if (!sameList(before.signatories, after.signatories)) fields.push("Signatories");
  if (!sameList(before.tags, after.tags)) fields.push("Tags");
  return { fields, wordsAdded, wordsRemoved };
}

/**
 * The change in words a person scans: "Title, Body (+42 −7 words)", "Body (formatting)",
 * "No changes" (a save of the same words), or "First save" when there is nothing before it.
 */
export function describeRevisionChanges(before: RevisionSnapshot | null, after: RevisionSnapshot): string {
  if (!before) return "First save";
  const { fields, wordsAdded, wordsRemoved } = revisionChanges(before, after);
  if (fields.length === 0) return "No changes";
  return fields
    .map((field) => {
      if (field !== "Body") return field;
      if (before.bodyText === after.bodyText) return "Body (formatting)";
      return `Body (+${wordsAdded} −${wordsRemoved} ${wordsAdded + wordsRemoved === 1 ? "word" : "words"})`;
    })
    .join(", ");
}

import { queryWords, withoutWordSeparators } from "./search-words";

/**
 * Reader input -> a safe SQLite FTS5 query. Nothing the reader types is passed to
 * MATCH as syntax: words are cut out of the input (letters, marks and digits only),
 * each word becomes a double-quoted FTS5 string, and the strings are ANDed. So quotes,
 * brackets, `*`, `^`, `:`, `-`, `+` and `NEAR(...)` are just separators, and the bare
 * operator words AND / OR / NOT / NEAR are dropped.
 */

export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_TERMS = 12;

const OPERATOR_WORDS = new Set(["AND", "OR", "NOT", "NEAR"]);
const WORD_PIECE = /[\p{L}\p{M}\p{N}]+/gu;

export type SearchTerms =
  | { ok: true; terms: string[]; match: string }
  | { ok: false; reason: "empty" | "too_long" | "too_many_terms" | "no_words"; message: string };

/**
 * The words of a query. A typed word joined by punctuation ("Izu-Oshima", "Koike's")
 * stays one phrase, as the index tokenizer splits it the same way; so does a run of Japanese,
 * cut into its words as the index cuts it (lib/search-words.ts): "東京都知事" → "東京 都知事".
 */
export function queryTerms(input: string): string[] {
  const terms: string[] = [];
  for (const word of input.normalize("NFKC").split(/\s+/)) {
    if (OPERATOR_WORDS.has(word)) continue;
    const pieces = word.match(WORD_PIECE);
    if (!pieces) continue;
    const term = pieces.flatMap(queryWords).join(" ");
    if (term === "") continue; // only marks the segmenter does not count as words (々 alone)
    if (!terms.some((t) => t.toLowerCase() === term.toLowerCase())) terms.push(term);
  }
  return terms;
}

/** An FTS5 string literal: double quotes around, inner double quotes doubled. */
const ftsString = (term: string) => `"${term.replace(/"/g, '""')}"`;

export function toFtsQuery(input: string): SearchTerms {
  const trimmed = input.trim();
  if (trimmed === "") return { ok: false, reason: "empty", message: "Enter one or more words to search for." };
  if (trimmed.length > MAX_QUERY_LENGTH) {
    return {
      ok: false,
      reason: "too_long",
      message: `Your search is ${trimmed.length.toLocaleString("en-US")} characters long. Please use at most ${MAX_QUERY_LENGTH} characters — a few distinctive words work best.`,
    };
  }
  const terms = queryTerms(trimmed);
  if (terms.length === 0) {
    return {
      ok: false,
      reason: "no_words",
      message: "Your search has no words to look for (symbols and the words AND, OR, NOT are ignored). Try a name, a place or a topic.",
    };
  }
  if (terms.length > MAX_QUERY_TERMS) {
    return {
      ok: false,
      reason: "too_many_terms",
      message: `Your search has ${terms.length} words. Please use at most ${MAX_QUERY_TERMS}: every word must appear in a result.`,
    };
  }
  return { ok: true, terms, match: terms.map(ftsString).join(" ") };
}

/** Markers that snippet()/highlight() put around hits; control characters never typed in a title. */
export const HIT_START = "\u0001";
export const HIT_END = "\u0002";

export type HighlightSegment = { text: string; hit: boolean };

/**
 * A marked-up snippet -> plain text segments, hit or not, without the index's word separators.
 * Rendered as React text and <mark> elements, so nothing from the index is ever injected as HTML.
 */
export function splitHighlights(marked: string): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let hit = false;
  let text = "";
  const flush = () => {
    // Hits on neighbouring Japanese words are one highlight once the separator between them is gone.
    const shown = withoutWordSeparators(text);
    const last = segments[segments.length - 1];
    if (shown && last?.hit === hit) last.text += shown;
    else if (shown) segments.push({ text: shown, hit });
    text = "";
  };
  for (const ch of marked) {
    if (ch === HIT_START) {
      flush();
      hit = true;
    } else if (ch === HIT_END) {
      flush();
      hit = false;
    } else {
      text += ch;
    }
  }
  flush();
  return segments;
}

/**
 * Japanese words for the full-text index. SQLite's unicode61 tokenizer splits text only at
 * spaces and punctuation, and Japanese writes none between words: "東京都知事は" is one token, so
 * a search for 都知事 found nothing. Runs of Japanese script are cut into words with the
 * platform's own dictionary segmenter (Intl.Segmenter, ICU), both in the text that is indexed
 * and in the query, so the two agree.
 *
 * - The words are joined with U+200B ZERO WIDTH SPACE: a separator to unicode61 (it is not a
 *   letter or digit) that shows as nothing, and is taken out of snippets before display, so
 *   readers never see where the index cut.
 * - Chosen over character bigrams, which find any substring but also find 京都 (Kyoto) in every
 *   東京都 (Tokyo Metropolis), and over FTS5's trigram tokenizer, which cannot find a
 *   two-character word (知事) and would change how English is matched. The cost is that a word
 *   the dictionary keeps inside a longer one is not found alone: 知事 does not find 都知事
 *   (tests/integration/search-japanese.test.ts pins the queries measured and what each finds).
 */

export const WORD_SEPARATOR = "\u200b";

/** Han (with the iteration marks 々 and 〆), hiragana and katakana (with ー). */
const JAPANESE_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}々〆ー]+/gu;
const segmenter = new Intl.Segmenter("ja", { granularity: "word" });

/** The run's segments; `words` leaves out those ICU does not count as words (々 alone). */
function japaneseSegments(run: string, { words }: { words: boolean }): string[] {
  return [...segmenter.segment(run)].filter((s) => !words || s.isWordLike !== false).map((s) => s.segment);
}

/**
 * Text as the index stores it: each run of Japanese cut into words, and set apart from letters
 * of other scripts it touches ("Tokyo都知事" is two tokens, as its query is); the rest as it was.
 * Every character stays (snippets are cut from this text), the separators aside.
 */
export function indexableText(text: string): string {
  return text.replace(
    JAPANESE_RUN,
    (run) => WORD_SEPARATOR + japaneseSegments(run, { words: false }).join(WORD_SEPARATOR) + WORD_SEPARATOR,
  );
}

/** The tokens of one query piece ("東京都知事" → 東京, 都知事); a piece with no Japanese is itself. */
export function queryWords(piece: string): string[] {
  const words: string[] = [];
  let from = 0;
  for (const match of piece.matchAll(JAPANESE_RUN)) {
    if (match.index > from) words.push(piece.slice(from, match.index));
    words.push(...japaneseSegments(match[0], { words: true }));
    from = match.index + match[0].length;
  }
  if (from < piece.length) words.push(piece.slice(from));
  return words;
}

/** Snippet or highlight text without the index's separators. */
export const withoutWordSeparators = (text: string) => text.replaceAll(WORD_SEPARATOR, "");

import { isIsoDate, parseLongDate } from "../dates";

/** "February 5, 2026" or, in a Japanese seed, "2026年2月5日" -> "2026-02-05"; null otherwise. */
function parseSeedDate(text: string): string | null {
  const ja = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(text.trim());
  if (!ja) return parseLongDate(text);
  const iso = `${ja[1]}-${ja[2]!.padStart(2, "0")}-${ja[3]!.padStart(2, "0")}`;
  return isIsoDate(iso) ? iso : null;
}
import type { ArticleDocument, BlockNode } from "./document-schema";

/**
 * Reads the plain-text news items in db/demo. Two shapes occur:
 *  - a news page: category line, title line, one paragraph per line, then an
 *    optional "Recommended for You" section of title/date line pairs;
 *  - a communiqué: a **bold** multi-line title, blank-line separated
 *    paragraphs, a dateline, then signatory blocks of name and title lines.
 */
export type SeedSignatory = { name: string; title: string };
export type SeedRecommendation = { title: string; date: string };
export type SeedDocument = {
  category: string | null;
  title: string;
  /** The title as printed in the body (the communiqué repeats it in bold, line by line). */
  boldTitleLines: string[];
  paragraphs: string[];
  datelineDate: string | null;
  signatories: SeedSignatory[];
  recommended: SeedRecommendation[];
};

const RECOMMENDED_HEADING = "Recommended for You";

function parseNewsPage(lines: string[]): SeedDocument {
  const [category, title, ...rest] = lines;
  if (!category || !title) throw new Error("A news page seed needs a category line and a title line");
  const cut = rest.indexOf(RECOMMENDED_HEADING);
  const paragraphs = cut < 0 ? rest : rest.slice(0, cut);
  const tail = cut < 0 ? [] : rest.slice(cut + 1);
  if (tail.length % 2 !== 0) throw new Error("Recommended items must come as title and date line pairs");
  const recommended: SeedRecommendation[] = [];
  for (let i = 0; i < tail.length; i += 2) {
    const date = parseSeedDate(tail[i + 1]!);
    if (!date) throw new Error(`Recommended item "${tail[i]}" has no readable date: "${tail[i + 1]}"`);
    recommended.push({ title: tail[i]!, date });
  }
  return { category, title, boldTitleLines: [], paragraphs, datelineDate: null, signatories: [], recommended };
}

function parseCommunique(text: string): SeedDocument {
  const end = text.indexOf("**", 2);
  if (end < 0) throw new Error("Unterminated **bold** title");
  const boldTitleLines = text
    .slice(2, end)
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const blocks = text
    .slice(end + 2)
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  const dateIndex = blocks.findIndex((b) => parseSeedDate(b) !== null);
  if (dateIndex < 0) throw new Error("A communiqué seed needs a dateline");
  const signatories = blocks.slice(dateIndex + 1).map((block) => {
    const [name, ...titleLines] = block.split("\n").map((l) => l.trim());
    if (!name || titleLines.length === 0) throw new Error(`Signatory block needs a name and a title: "${block}"`);
    return { name, title: titleLines.join(" ") };
  });
  return {
    category: null,
    // Japanese lines join without a space, as Japanese is written.
    title: boldTitleLines.join(boldTitleLines.some((l) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(l)) ? "" : " "),
    boldTitleLines,
    paragraphs: blocks.slice(0, dateIndex).map((b) => b.replace(/\s*\n\s*/g, " ")),
    datelineDate: parseSeedDate(blocks[dateIndex]!),
    signatories,
    recommended: [],
  };
}

export function parseSeedDocument(raw: string): SeedDocument {
  const text = raw.replace(/\r\n?/g, "\n").trim();
  if (text.startsWith("**")) return parseCommunique(text);
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return parseNewsPage(lines);
}

const paragraph = (text: string): BlockNode => ({ type: "paragraph", content: [{ type: "text", text }] });

/** The seed as an article body: the bold title block (if any), then each paragraph. */
export function seedToDocument(seed: SeedDocument): ArticleDocument {
  const content: BlockNode[] = [];
  if (seed.boldTitleLines.length > 0) {
    content.push({
      type: "paragraph",
      content: seed.boldTitleLines.flatMap((line, i) => [
        ...(i > 0 ? [{ type: "hardBreak" as const, marks: [{ type: "bold" as const }] }] : []),
        { type: "text" as const, text: line, marks: [{ type: "bold" as const }] },
      ]),
    });
  }
  content.push(...seed.paragraphs.map(paragraph));
  return { type: "doc", content };
}

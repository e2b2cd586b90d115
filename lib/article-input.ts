import { z } from "zod";
import { isIsoDate } from "./dates";
import { SLUG_MAX, SLUG_PATTERN } from "./slug";
import { xmlSafe } from "./xml-text";

/**
 * Text a person typed or pasted. Characters XML 1.0 forbids (a vertical tab
 * from Word, a stray NUL) are stripped silently before trimming and length
 * checks: refusing them would show an error about something nobody can see,
 * and left in they would break every feed the text reaches (issue 14).
 */
export const plainText = () => z.string().overwrite(xmlSafe).trim();

/**
 * What the editor sends on every save. Strict: an extra field such as
 * `status` or `authorId` is refused by name, never silently applied.
 * The body is checked separately by lib/content/document-schema.ts so the
 * error can name the node at fault.
 */
export const signatorySchema = z
  .object({
    name: plainText().min(1, "Each signatory needs a name").max(200),
    title: plainText().min(1, "Each signatory needs a title").max(200),
  })
  .strict();

export const articleDraftSchema = z
  .object({
    id: z.number().int().positive(),
    version: z.number().int().positive(),
    title: plainText().min(1, "Give the item a title").max(300, "Titles are at most 300 characters"),
    slug: z
      .string()
      .trim()
      .max(SLUG_MAX, `Slugs are at most ${SLUG_MAX} characters`)
      .regex(SLUG_PATTERN, "Slugs use lowercase letters, digits and single hyphens, like governor-visits-rome"),
    summary: plainText().max(600, "Summaries are at most 600 characters"),
    categoryId: z.number().int().positive("Choose a category"),
    datelineDate: z.string().refine(isIsoDate, "The dateline must be a real date (YYYY-MM-DD)"),
    signatories: z.array(signatorySchema).max(20, "At most 20 signatories"),
    tags: z.array(plainText().min(1).max(60, "Tags are at most 60 characters")).max(20, "At most 20 tags"),
    body: z.unknown(),
  })
  .strict();

export type ArticleDraftInput = z.input<typeof articleDraftSchema>;
export type ArticleDraft = z.output<typeof articleDraftSchema>;

/** "a, b ,, c" -> ["a", "b", "c"], keeping the first of any duplicates (case-insensitive). */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t && !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
}

/** Formats zod issues as "field: message" for people, with the field named. */
export { describeIssues } from "./errors";

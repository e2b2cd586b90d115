import "server-only";
import { z } from "zod";
import { LIST_PLACEMENTS } from "@/db/schema";
import { describeIssues, plainText } from "@/lib/article-input";
import { isIsoDate } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { type TransitionName } from "@/lib/workflow";
import { transitionInputSchema } from "@/lib/workflow-input";
import { listType } from "./editorial-type";

export const MAX_LIST_ITEMS = 20;

const id = z.coerce.number().int().positive();
/** Checkboxes post "on"; JSON callers send booleans. Anything else is refused. */
const flag = z.union([z.boolean(), z.enum(["on", "true", "false"]).transform((v) => v !== "false")]);
const maxItems = z.coerce
  .number()
  .int("The limit is a whole number")
  .min(1, "A list shows at least 1 item")
  .max(MAX_LIST_ITEMS, `A list shows at most ${MAX_LIST_ITEMS} items`);
const name = plainText().min(1, "Give the list a name").max(120, "Names are at most 120 characters");

export const createListSchema = z
  .object({
    name,
    placement: z.enum(LIST_PLACEMENTS, { error: "Choose where the list appears" }),
    categoryId: id.optional(),
    articleId: id.optional(),
    maxItems: maxItems.default(10),
    fillFromCategory: flag.default(false),
    /** For a site-wide or category list: the language of the pages it serves (a configured one, checked on create). */
    language: z.string().trim().max(20).optional(),
  })
  .strict();

const articleEntry = z.object({ kind: z.literal("article"), articleId: id }).strict();
const externalEntry = z
  .object({
    kind: z.literal("external"),
    url: z.url({ protocol: /^https?$/, error: "Links must be http(s) addresses" }).max(2_000),
    title: plainText().min(1, "Give the link a title").max(300),
    date: z.string().refine(isIsoDate, "Give the date as YYYY-MM-DD"),
  })
  .strict();
export const listEntrySchema = z.discriminatedUnion("kind", [articleEntry, externalEntry]);

export const saveDraftSchema = z
  .object({
    listId: id,
    version: z.coerce.number().int().positive(),
    name,
    maxItems,
    fillFromCategory: flag,
    entries: z.array(listEntrySchema).max(MAX_LIST_ITEMS, `A list holds at most ${MAX_LIST_ITEMS} items`),
  })
  .strict();

/** The list's workflow request: the shared steps of lib/workflow that lists enable in their declaration. */
export const listTransitionSchema = transitionInputSchema("listId", Object.keys(listType.capabilities) as TransitionName[]);

export const listIdSchema = z.object({ listId: id }).strict();
export const articleIdSchema = z.object({ articleId: id }).strict();
export const searchSchema = z.object({ q: z.string().max(200).default("") }).strict();

export function parseListInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const { message, fields } = describeIssues(parsed.error);
    throw new AppError("bad_request:list", message, { fields });
  }
  return parsed.data;
}

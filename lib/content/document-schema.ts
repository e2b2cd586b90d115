import { z } from "zod";
import { isSafeImageUrl, isSafeLinkUrl } from "./safe-url";

/**
 * The zod schema of a stored article body: exactly the nodes, marks and
 * attributes that lib/content/extensions.ts can produce, nothing else.
 * Every object is strict, so an unexpected attribute is refused, not kept.
 */

const MAX_TEXT = 20_000;

const linkMark = z
  .object({
    type: z.literal("link"),
    attrs: z
      .object({
        href: z.string().refine(isSafeLinkUrl, "Links must be http, https or mailto addresses"),
        target: z.literal("_blank").nullish(),
        rel: z.string().max(100).nullish(),
        class: z.null().optional(),
        title: z.string().max(300).nullish(),
      })
      .strict(),
  })
  .strict();

const mark = z.discriminatedUnion("type", [
  z.object({ type: z.literal("bold") }).strict(),
  z.object({ type: z.literal("italic") }).strict(),
  linkMark,
]);

const textNode = z
  .object({
    type: z.literal("text"),
    text: z.string().min(1).max(MAX_TEXT),
    marks: z.array(mark).max(3).optional(),
  })
  .strict();

const hardBreak = z.object({ type: z.literal("hardBreak"), marks: z.array(mark).max(3).optional() }).strict();
const inline = z.discriminatedUnion("type", [textNode, hardBreak]);
const inlineContent = z.array(inline).max(2_000).optional();

export type InlineNode = z.infer<typeof inline>;

export type BlockNode =
  | { type: "paragraph"; content?: InlineNode[] }
  | { type: "heading"; attrs: { level: 2 | 3 | 4 }; content?: InlineNode[] }
  | { type: "blockquote"; content: BlockNode[] }
  | { type: "horizontalRule" }
  | { type: "bulletList"; content: ListItemNode[] }
  | { type: "orderedList"; attrs?: { start?: number; type?: string | null }; content: ListItemNode[] }
  | { type: "image"; attrs: ImageAttrs }
  | { type: "table"; content: TableRowNode[] };

export type ListItemNode = { type: "listItem"; content: BlockNode[] };
export type ImageAttrs = {
  src: string;
  alt: string;
  title?: string | null;
  width?: number | null;
  height?: number | null;
};
export type TableCellNode = {
  type: "tableCell" | "tableHeader";
  attrs?: { colspan?: number; rowspan?: number; colwidth?: number[] | null; align?: string | null };
  content: BlockNode[];
};
export type TableRowNode = { type: "tableRow"; content: TableCellNode[] };
export type ArticleDocument = { type: "doc"; content: BlockNode[] };

const blocks = (): z.ZodType<BlockNode[]> =>
  z
    .array(z.lazy(() => block))
    .min(1)
    .max(2_000);

const listItem: z.ZodType<ListItemNode> = z.object({ type: z.literal("listItem"), content: z.lazy(blocks) }).strict();

const cell: z.ZodType<TableCellNode> = z
  .object({
    type: z.enum(["tableCell", "tableHeader"]),
    attrs: z
      .object({
        colspan: z.number().int().min(1).max(50).optional(),
        rowspan: z.number().int().min(1).max(500).optional(),
        colwidth: z.array(z.number().int().min(1).max(5_000)).max(50).nullish(),
        align: z.enum(["left", "center", "right"]).nullish(),
      })
      .strict()
      .optional(),
    content: z.lazy(blocks),
  })
  .strict();

const tableRow: z.ZodType<TableRowNode> = z.object({ type: z.literal("tableRow"), content: z.array(cell).min(1).max(50) }).strict();

const block: z.ZodType<BlockNode> = z.discriminatedUnion("type", [
  z.object({ type: z.literal("paragraph"), content: inlineContent }).strict(),
  z
    .object({
      type: z.literal("heading"),
      attrs: z.object({ level: z.union([z.literal(2), z.literal(3), z.literal(4)]) }).strict(),
      content: inlineContent,
    })
    .strict(),
  z.object({ type: z.literal("blockquote"), content: z.lazy(blocks) }).strict(),
  z.object({ type: z.literal("horizontalRule") }).strict(),
  z.object({ type: z.literal("bulletList"), content: z.array(listItem).min(1).max(500) }).strict(),
  z
    .object({
      type: z.literal("orderedList"),
      attrs: z
        .object({ start: z.number().int().min(0).max(100_000).optional(), type: z.string().max(10).nullish() })
        .strict()
        .optional(),
      content: z.array(listItem).min(1).max(500),
    })
    .strict(),
  z
    .object({
      type: z.literal("image"),
      attrs: z
        .object({
          src: z.string().refine(isSafeImageUrl, "Images must be http or https addresses"),
          alt: z.string().trim().min(1, "Every image needs alt text").max(500),
          title: z.string().max(300).nullish(),
          width: z.number().int().positive().max(10_000).nullish(),
          height: z.number().int().positive().max(10_000).nullish(),
        })
        .strict(),
    })
    .strict(),
  z.object({ type: z.literal("table"), content: z.array(tableRow).min(1).max(500) }).strict(),
]);

export const articleDocumentSchema: z.ZodType<ArticleDocument> = z.object({ type: z.literal("doc"), content: z.lazy(blocks) }).strict();

const KNOWN_NODES = new Set([
  "doc",
  "paragraph",
  "heading",
  "blockquote",
  "horizontalRule",
  "bulletList",
  "orderedList",
  "listItem",
  "image",
  "table",
  "tableRow",
  "tableCell",
  "tableHeader",
  "text",
  "hardBreak",
]);
const KNOWN_MARKS = new Set(["bold", "italic", "link"]);

/** Finds the first node or mark type the editor cannot make, so the error can name it. */
function findUnknownType(value: unknown, depth = 0): string | null {
  if (depth > 100 || typeof value !== "object" || value === null) return null;
  const node = value as { type?: unknown; content?: unknown; marks?: unknown };
  if (typeof node.type === "string" && !KNOWN_NODES.has(node.type)) return `node "${node.type}"`;
  if (Array.isArray(node.marks)) {
    for (const m of node.marks) {
      const t = (m as { type?: unknown } | null)?.type;
      if (typeof t === "string" && !KNOWN_MARKS.has(t)) return `mark "${t}"`;
    }
  }
  if (Array.isArray(node.content)) {
    for (const child of node.content) {
      const found = findUnknownType(child, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Nesting and size are checked first, without recursion: the zod schema above
 * and the renderer recurse once per level, so a document nested a few hundred
 * levels deep would exhaust the stack (a 500) instead of being refused. The
 * editor's deepest real structures (a list in a quote in a table cell) stay
 * far below these limits.
 */
export const MAX_DOCUMENT_DEPTH = 40;
export const MAX_DOCUMENT_NODES = 50_000;

function documentShapeProblem(input: unknown): string | null {
  const stack: Array<[unknown, number]> = [[input, 1]];
  let nodes = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_DOCUMENT_DEPTH) {
      return `The body is nested more than ${MAX_DOCUMENT_DEPTH} levels deep (lists, quotes and tables inside each other). Flatten it and save again.`;
    }
    if (++nodes > MAX_DOCUMENT_NODES) {
      return `The body has more than ${MAX_DOCUMENT_NODES.toLocaleString("en")} parts. Split it into several news items.`;
    }
    const content = typeof node === "object" && node !== null ? (node as { content?: unknown }).content : undefined;
    if (Array.isArray(content)) for (const child of content) stack.push([child, depth + 1]);
  }
  return null;
}

export type DocumentValidation = { ok: true; document: ArticleDocument } | { ok: false; message: string; path: string };

export function validateArticleDocument(input: unknown): DocumentValidation {
  const shapeProblem = documentShapeProblem(input);
  if (shapeProblem) return { ok: false, message: shapeProblem, path: "body" };
  const unknownType = findUnknownType(input);
  if (unknownType) {
    return { ok: false, message: `The body contains an unsupported ${unknownType}.`, path: "body" };
  }
  const parsed = articleDocumentSchema.safeParse(input);
  if (parsed.success) return { ok: true, document: parsed.data };
  const issue = parsed.error.issues[0];
  const path = ["body", ...(issue?.path ?? [])].join(".");
  return { ok: false, message: `${issue?.message ?? "Invalid body"} (at ${path})`, path };
}

/** The plain text of a document: for summaries, search indexing and diffs. */
export function documentToPlainText(doc: ArticleDocument): string {
  const out: string[] = [];
  const walk = (node: { type: string; text?: string; content?: unknown[] }) => {
    if (node.type === "text" && node.text) out.push(node.text);
    else if (node.type === "hardBreak") out.push("\n");
    if (Array.isArray(node.content)) {
      for (const child of node.content) walk(child as typeof node);
      if (node.type !== "doc" && node.type !== "listItem") out.push("\n\n");
    }
  };
  walk(doc as unknown as { type: string; content?: unknown[] });
  return out
    .join("")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

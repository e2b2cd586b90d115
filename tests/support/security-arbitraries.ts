import fc from "fast-check";
import type { ArticleDocument, BlockNode, InlineNode, ListItemNode, TableCellNode } from "@/lib/content/document-schema";

/** Bounded runs with the seed printed on failure (fast-check prints seed and path in its error). */
export const PROPERTY_RUNS = { numRuns: 120, verbose: 1 } as const;

/** Text with no surrounding whitespace, as the trimming schemas keep it. */
export const trimmed = (min: number, max: number) =>
  fc
    .string({ unit: "grapheme", minLength: min, maxLength: max })
    .map((s) => s.trim())
    .filter((s) => s.length >= min && s.length <= max);

const url = fc.webUrl({ withQueryParameters: true, withFragments: true }).filter((u) => u.length <= 2048);
/** Valid body images are the media library's own files (server/media/image-hosts.ts). */
const librarySrc = fc
  .tuple(fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/), fc.constantFrom("480.webp", "960.webp", "1600.avif"))
  .map(([key, file]) => `/media/${key}/${file}`);

const mark = fc.oneof(
  fc.constant({ type: "bold" as const }),
  fc.constant({ type: "italic" as const }),
  fc.record({
    type: fc.constant("link" as const),
    attrs: fc.record(
      {
        href: fc.oneof(url, fc.constant("mailto:press@city.example"), fc.constant("/news/local")),
        target: fc.constantFrom("_blank" as const, null),
        rel: fc.constantFrom("noopener noreferrer nofollow", null),
      },
      { requiredKeys: ["href"] },
    ),
  }),
);
const marks = fc.uniqueArray(mark, { maxLength: 3, selector: (m) => m.type });

const inline: fc.Arbitrary<InlineNode> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record(
      { type: fc.constant("text" as const), text: fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }), marks },
      { requiredKeys: ["type", "text"] },
    ),
  },
  { weight: 1, arbitrary: fc.constant({ type: "hardBreak" as const }) },
);
const inlineContent = fc.array(inline, { maxLength: 5 });

const { block } = fc.letrec<{ block: BlockNode; blocks: BlockNode[]; item: ListItemNode; cell: TableCellNode }>((tie) => ({
  blocks: fc.array(tie("block"), { minLength: 1, maxLength: 3 }),
  item: fc.record({ type: fc.constant("listItem" as const), content: tie("blocks") }),
  cell: fc.record(
    {
      type: fc.constantFrom("tableCell" as const, "tableHeader" as const),
      attrs: fc.record(
        {
          colspan: fc.integer({ min: 1, max: 3 }),
          rowspan: fc.integer({ min: 1, max: 3 }),
          colwidth: fc.constantFrom(null, [120]),
          align: fc.constantFrom("left", "center", "right", null),
        },
        { requiredKeys: [] },
      ),
      content: tie("blocks"),
    },
    { requiredKeys: ["type", "content"] },
  ),
  block: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ type: fc.constant("paragraph" as const), content: inlineContent }, { requiredKeys: ["type"] }),
    fc.record(
      {
        type: fc.constant("heading" as const),
        attrs: fc.record({ level: fc.constantFrom(2 as const, 3 as const, 4 as const) }),
        content: inlineContent,
      },
      { requiredKeys: ["type", "attrs"] },
    ),
    fc.constant({ type: "horizontalRule" as const }),
    fc.record({
      type: fc.constant("image" as const),
      attrs: fc.record(
        {
          src: librarySrc,
          alt: trimmed(1, 80),
          title: fc.option(fc.string({ maxLength: 40 })),
          width: fc.option(fc.integer({ min: 1, max: 4000 })),
          height: fc.option(fc.integer({ min: 1, max: 4000 })),
        },
        { requiredKeys: ["src", "alt"] },
      ),
    }),
    fc.record({ type: fc.constant("blockquote" as const), content: tie("blocks") }),
    fc.record({ type: fc.constant("bulletList" as const), content: fc.array(tie("item"), { minLength: 1, maxLength: 3 }) }),
    fc.record(
      {
        type: fc.constant("orderedList" as const),
        attrs: fc.record({ start: fc.integer({ min: 0, max: 100 }), type: fc.constantFrom(null, "a", "i") }, { requiredKeys: [] }),
        content: fc.array(tie("item"), { minLength: 1, maxLength: 3 }),
      },
      { requiredKeys: ["type", "content"] },
    ),
    fc.record({
      type: fc.constant("table" as const),
      content: fc.array(
        fc.record({ type: fc.constant("tableRow" as const), content: fc.array(tie("cell"), { minLength: 1, maxLength: 3 }) }),
        { minLength: 1, maxLength: 3 },
      ),
    }),
  ),
})) as unknown as { block: fc.Arbitrary<BlockNode> };

export const documentArb: fc.Arbitrary<ArticleDocument> = fc.record({
  type: fc.constant("doc" as const),
  content: fc.array(block, { minLength: 1, maxLength: 6 }),
});

const slugWord = fc.stringMatching(/^[a-z0-9]{1,8}$/);
export const slugArb = fc.array(slugWord, { minLength: 1, maxLength: 4 }).map((w) => w.join("-"));
export const isoDateArb = fc
  .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** The editable fields of a draft (id, version, slug and category are filled in by the test). */
export const draftFieldsArb = fc.record({
  title: trimmed(1, 300),
  summary: fc.oneof(fc.constant(""), trimmed(1, 600)),
  datelineDate: isoDateArb,
  signatories: fc.array(fc.record({ name: trimmed(1, 200), title: trimmed(1, 200) }), { maxLength: 4 }),
  tags: fc.array(trimmed(1, 60), { maxLength: 6 }),
  body: documentArb,
  slug: slugArb,
});

/** A value of the wrong type for a field that holds `good`. */
export function wrongTypeArb(good: unknown): fc.Arbitrary<unknown> {
  if (typeof good === "number")
    return fc.oneof(fc.string(), fc.boolean(), fc.constant(null), fc.double({ noInteger: true }), fc.integer({ max: 0 }), fc.object());
  if (typeof good === "string") return fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string()), fc.object());
  if (Array.isArray(good))
    return fc.oneof(
      fc.string(),
      fc.integer(),
      fc.constant(null),
      fc.object({ maxDepth: 1 }).filter((o) => Object.keys(o).length > 0),
      fc.array(fc.integer(), { minLength: 1 }),
    );
  if (typeof good === "boolean") return fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.boolean()));
  return fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.integer()));
}

/** A key the schema does not have, including the mass-assignment favourites. */
export const extraKeyArb = (known: string[]) =>
  fc
    .oneof(
      fc.constantFrom(
        "status",
        "authorId",
        "publishedEditionId",
        "guid",
        "role",
        "sessionVersion",
        "passwordHash",
        "createdById",
        "firstPublishedAt",
      ),
      fc.stringMatching(/^[a-zA-Z_]\w{0,15}$/),
    )
    .filter((k) => !known.includes(k));

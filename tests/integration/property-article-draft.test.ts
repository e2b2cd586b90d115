import fc from "fast-check";
import { describe, expect } from "vitest";
import { articleDocumentSchema, validateArticleDocument } from "@/lib/content/document-schema";
import { AppError } from "@/lib/errors";
import * as drafts from "@/server/articles/drafts";
import * as queries from "@/server/articles/studio-queries";
import { integrationTest } from "../support/fixtures";
import { documentArb, draftFieldsArb, extraKeyArb, PROPERTY_RUNS, wrongTypeArb } from "../support/security-arbitraries";
import { databaseFingerprint } from "../support/security-fingerprint";

const it = integrationTest();

let categoryIds: number[];
let articleId: number;
let version: number;
let saves = 0;

it.beforeAll(async ({ client, actAs }) => {
  actAs("writer");
  categoryIds = (await client.execute("SELECT id FROM categories")).rows.map((r) => Number(r.id));
  ({ id: articleId } = await drafts.createArticle());
  version = (await queries.getArticleForEditing({ id: articleId })).version;
});

const DRAFT_KEYS = ["id", "version", "title", "slug", "summary", "categoryId", "datelineDate", "signatories", "tags", "body"];

describe("article drafts (property)", () => {
  it("any valid draft saves and loads back unchanged", async () => {
    await fc.assert(
      fc.asyncProperty(draftFieldsArb, fc.nat(), async (fields, pick) => {
        const categoryId = categoryIds[pick % categoryIds.length]!;
        const slug = `${fields.slug}-p${++saves}`.slice(0, 120).replace(/-+$/, "");
        const result = await drafts.saveArticleDraft({ ...fields, id: articleId, version, slug, categoryId });
        expect(result.version).toBe(version + 1);
        version = result.version;
        const loaded = await queries.getArticleForEditing({ id: articleId });
        expect(loaded.slug).toBe(slug);
        expect(loaded.version).toBe(version);
        expect({
          title: loaded.edition.title,
          summary: loaded.edition.summary,
          datelineDate: loaded.edition.datelineDate,
          signatories: loaded.edition.signatories,
          tags: loaded.edition.tags,
          body: loaded.edition.body,
          categoryId: loaded.edition.categoryId,
        }).toEqual({
          title: fields.title,
          summary: fields.summary,
          datelineDate: fields.datelineDate,
          signatories: fields.signatories,
          tags: fields.tags,
          body: fields.body,
          categoryId,
        });
      }),
      PROPERTY_RUNS,
    );
  }, 120_000);

  it("any document the generator makes is one the schema accepts as is", () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        expect(articleDocumentSchema.parse(doc)).toEqual(doc);
      }),
      { ...PROPERTY_RUNS, numRuns: 300 },
    );
  });

  it("any draft with an extra field, a wrong-typed field or a broken body is a 400 and writes nothing", async ({ client }) => {
    const valid = () => ({
      id: articleId,
      version,
      title: "Valid",
      slug: "valid-draft-slug",
      summary: "",
      categoryId: categoryIds[0]!,
      datelineDate: "2026-11-20",
      signatories: [],
      tags: [],
      body: { type: "doc", content: [{ type: "paragraph" }] },
    });
    const brokenBody = fc.oneof(
      fc.constant({ type: "doc", content: [{ type: "script", text: "alert(1)" }] }),
      fc.constant({ type: "doc", content: [] }),
      fc
        .constantFrom("javascript:alert(1)", "JaVaScRiPt:x", "java\tscript:x", "data:text/html,x", "vbscript:x", "//evil.example/x")
        .map((href) => ({
          type: "doc",
          content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href } }] }] }],
        })),
      fc
        .constantFrom("javascript:alert(1)", "data:image/svg+xml,<svg onload=alert(1)>", "file:///etc/passwd")
        .map((src) => ({ type: "doc", content: [{ type: "image", attrs: { src, alt: "x" } }] })),
      documentArb.map((doc) => ({ ...doc, content: [...doc.content, { type: "paragraph", attrs: { onclick: "x" } }] })),
      documentArb.map((doc) => ({ ...doc, content: [{ type: "heading", attrs: { level: 1 } }, ...doc.content] })),
    );
    const invalid = fc.oneof(
      extraKeyArb(DRAFT_KEYS).chain((key) => fc.anything().map((value) => ({ ...valid(), [key]: value }))),
      fc
        .constantFrom(...DRAFT_KEYS.filter((k) => k !== "body"))
        .chain((key) => wrongTypeArb(valid()[key as keyof ReturnType<typeof valid>]).map((value) => ({ ...valid(), [key]: value }))),
      brokenBody.map((body) => ({ ...valid(), body })),
      fc.anything().filter((x) => typeof x !== "object" || x === null || Array.isArray(x)),
    );
    const before = await databaseFingerprint(client);
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(invalid, async (input) => {
        const error = await drafts.saveArticleDraft(input).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).status).toBe(400);
        refused++;
      }),
      { ...PROPERTY_RUNS, numRuns: 200 },
    );
    expect(await databaseFingerprint(client)).toEqual(before);
    expect(refused).toBeGreaterThanOrEqual(200);
    expect(validateArticleDocument({ type: "doc", content: [{ type: "iframe" }] })).toMatchObject({ ok: false, path: "body" });
  }, 120_000);
});

import { describe, expect } from "vitest";
import { MAX_DOCUMENT_DEPTH, MAX_DOCUMENT_NODES, validateArticleDocument } from "@/lib/content/document-schema";
import * as drafts from "@/server/articles/drafts";
import { integrationTest } from "../support/fixtures";
import { databaseFingerprint } from "../support/security-fingerprint";
import { draftPayload, failure } from "../support/workflow";

const it = integrationTest();

/**
 * Issue 14: a body nested hundreds of levels deep exhausted the stack in the
 * recursive schema (an unexplained 500), and it was parsed before the session
 * was checked, so anyone with a made-up cookie could trigger it.
 */
let id: number;

/** Quotes inside quotes: `levels` nodes from the doc down to the text, counting both. */
function nested(levels: number) {
  let node: Record<string, unknown> = { type: "paragraph", content: [{ type: "text", text: "Deep" }] };
  for (let i = 0; i < levels - 3; i++) node = { type: "blockquote", content: [node] };
  return { type: "doc", content: [node] };
}

it.beforeAll(async ({ actAs }) => {
  actAs("writer");
  ({ id } = await drafts.createArticle());
});

describe("deeply nested documents", () => {
  it("are refused by the schema with a message, at any depth, without recursing", () => {
    for (const levels of [MAX_DOCUMENT_DEPTH + 1, 700, 5_000, 100_000]) {
      const result = validateArticleDocument(nested(levels));
      expect(result.ok, `${levels} levels`).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/nested more than \d+ levels/);
    }
    // Wide instead of deep: counted in the same pass, before zod walks every node.
    const wide = validateArticleDocument({
      type: "doc",
      content: Array.from({ length: MAX_DOCUMENT_NODES }, () => ({ type: "horizontalRule" })),
    });
    expect(wide.ok || wide.message).toMatch(/more than 50,000 parts/);
    // The limit leaves room for what the editor makes: this depth still validates.
    expect(validateArticleDocument(nested(MAX_DOCUMENT_DEPTH)).ok).toBe(true);
  });

  it("are refused with 400 for a signed-in writer, and nothing is written", async ({ client, actAs }) => {
    actAs("writer");
    const before = await databaseFingerprint(client);
    const error = await failure(drafts.saveArticleDraft(draftPayload(id, 1, { body: nested(800) })));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/nested more than \d+ levels/);
    expect(await databaseFingerprint(client)).toEqual(before);
  });

  it("without a valid session, the answer is 401 before the body is even looked at", async ({ client, staff, actAs }) => {
    actAs(null);
    const before = await databaseFingerprint(client);
    for (const input of [draftPayload(id, 1, { body: nested(800) }), { not: "a draft" }, null]) {
      const error = await failure(drafts.saveArticleDraft(input));
      expect(error.status, JSON.stringify(input)?.slice(0, 40)).toBe(401);
    }
    // A deactivated account's cookie is no better than a made-up one.
    actAs({ id: staff.writer.id, sessionVersion: staff.writer.sessionVersion + 1 });
    expect((await failure(drafts.saveArticleDraft(draftPayload(id, 1, { body: nested(800) })))).status).toBe(401);
    expect(await databaseFingerprint(client)).toEqual(before);
  });
});

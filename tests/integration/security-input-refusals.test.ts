import { afterAll, describe, expect } from "vitest";
import { AppError } from "@/lib/errors";
import * as drafts from "@/server/articles/drafts";
import * as auditLog from "@/server/audit-log";
import * as users from "@/server/users";
import * as previewLinks from "@/server/workflow/preview-links";
import * as reviews from "@/server/workflow/reviews";
import * as transitions from "@/server/editorial/transitions";
import * as withdrawal from "@/server/workflow/withdrawal";
import { integrationTest } from "../support/fixtures";
import { databaseFingerprint } from "../support/security-fingerprint";
import { draftPayload, failure } from "../support/workflow";

const it = integrationTest();

/**
 * Every server/ function that takes input from a form or an action, with a
 * valid input, then the same input with extra fields (mass assignment) and
 * with each field given the wrong type. Each refusal must be a 400 naming the
 * field, and the database must be byte-for-byte what it was.
 */
type Case = {
  name: string;
  as: "writer" | "editor" | "publisher" | "admin";
  call: (input: unknown) => Promise<unknown>;
  valid: () => Record<string, unknown>;
  emptyMeansDefaults?: boolean;
};
let cases: Case[];
export const tried = { extra: 0, wrongType: 0, notObject: 0 };

const EXTRA_FIELDS = [
  "status",
  "authorId",
  "version",
  "role",
  "sessionVersion",
  "passwordHash",
  "publishedEditionId",
  "createdById",
  "active",
  "id",
  "constructor",
];
/** Values of the wrong type (or out of range) for a field whose valid value is `good`. */
function wrongValuesFor(good: unknown): unknown[] {
  if (typeof good === "number") return ["x", "1; DROP TABLE articles", null, {}, -1, 0, 1.5, Number.MAX_SAFE_INTEGER + 2, [1, 2]];
  if (typeof good === "boolean") return ["true", 1, 0, null, {}, []];
  if (typeof good === "string") return [null, 42, true, [], {}, ["a"]];
  if (Array.isArray(good)) return ["x", 42, null, {}, [42], [{}]];
  return ["x", 42, null, [], {}, { type: "doc" }];
}

it.beforeAll(async ({ client, staff, actAs }) => {
  actAs("writer");
  const { id } = await drafts.createArticle();
  const [published] = (await client.execute("SELECT id FROM articles WHERE status = 'published' LIMIT 1")).rows;
  const publishedId = Number(published!.id);
  cases = [
    { name: "saveArticleDraft", as: "writer", call: drafts.saveArticleDraft, valid: () => draftPayload(id, 1) },
    {
      name: "createStaffMember",
      as: "admin",
      call: users.createStaffMember,
      valid: () => ({ email: "new.person@koho.example", name: "New Person", role: "writer", password: "a-long-enough-password" }),
    },
    { name: "changeStaffRole", as: "admin", call: users.changeStaffRole, valid: () => ({ id: staff.writer.id, role: "editor" }) },
    { name: "setStaffMemberActive", as: "admin", call: users.setStaffMemberActive, valid: () => ({ id: staff.writer.id, active: false }) },
    {
      name: "resetStaffPassword",
      as: "admin",
      call: users.resetStaffPassword,
      valid: () => ({ id: staff.writer.id, password: "another-long-password" }),
    },
    {
      name: "applyTransition",
      as: "writer",
      call: (i) => transitions.applyTransition("article", i),
      valid: () => ({ articleId: id, transition: "submit" }),
    },
    {
      name: "withdrawArticle",
      as: "publisher",
      call: (i) => withdrawal.withdrawArticle(i),
      valid: () => ({ articleId: publishedId, explanation: "Withdrawn because the figures were wrong." }),
    },
    {
      name: "restoreWithdrawnArticle",
      as: "publisher",
      call: (i) => withdrawal.restoreWithdrawnArticle(i),
      valid: () => ({ articleId: publishedId }),
    },
    {
      name: "addReviewComment",
      as: "editor",
      call: reviews.addReviewComment,
      valid: () => ({ articleId: id, body: "Please check the dateline." }),
    },
    {
      name: "confirmReviewAfterPublication",
      as: "editor",
      call: reviews.confirmReviewAfterPublication,
      valid: () => ({ articleId: publishedId }),
    },
    {
      name: "createPreviewLink",
      as: "publisher",
      call: (i) => previewLinks.createPreviewLink(i),
      valid: () => ({ articleId: id, expiresIn: "1d" }),
    },
    {
      name: "revokePreviewLink",
      as: "publisher",
      call: (i) => previewLinks.revokePreviewLink(i),
      valid: () => ({ articleId: id, linkId: 1 }),
    },
    { name: "listAuditEntries", as: "admin", call: auditLog.listAuditEntries, valid: () => ({ page: 1 }), emptyMeansDefaults: true },
  ];
});
afterAll(() => {
  console.log(
    `security-input-refusals: ${tried.extra} extra-field, ${tried.wrongType} wrong-type and ${tried.notObject} non-object inputs refused, nothing written`,
  );
});

async function expectRefused(c: Case, input: unknown, field?: string) {
  const error = await failure(c.call(input)).catch((e: Error) => {
    throw new Error(`${c.name} accepted ${JSON.stringify(input)}: ${e.message}`);
  });
  expect(error, `${c.name} ${JSON.stringify(input)}`).toBeInstanceOf(AppError);
  expect(error.status, `${c.name} ${JSON.stringify(input)}`).toBe(400);
  if (field) expect(error.message, `${c.name} should name ${field}`).toContain(field);
  expect(error.message).not.toMatch(/SQLITE|at \w+ \(|\.ts:\d+/);
}

describe("inputs that must be refused, writing nothing", () => {
  it("extra fields (mass assignment) are refused by name", async ({ client, staff, actAs }) => {
    for (const c of cases) {
      actAs(staff[c.as]);
      const before = await databaseFingerprint(client);
      for (const extra of EXTRA_FIELDS) {
        if (extra in c.valid()) continue;
        await expectRefused(c, { ...c.valid(), [extra]: extra === "constructor" ? { prototype: {} } : "published" }, extra);
        tried.extra++;
      }
      // A __proto__ key arrives as an own property from JSON.parse.
      await expectRefused(c, JSON.parse(`{"__proto__": {"role": "admin"}, ${JSON.stringify(c.valid()).slice(1)}`));
      tried.extra++;
      expect(await databaseFingerprint(client), c.name).toEqual(before);
    }
  });

  it("every field with a wrong type is refused", async ({ client, staff, actAs }) => {
    for (const c of cases) {
      actAs(staff[c.as]);
      const before = await databaseFingerprint(client);
      for (const [field, good] of Object.entries(c.valid())) {
        for (const bad of wrongValuesFor(good)) {
          await expectRefused(c, { ...c.valid(), [field]: bad });
          tried.wrongType++;
        }
      }
      expect(await databaseFingerprint(client), c.name).toEqual(before);
    }
  });

  it("inputs that are not objects at all are refused", async ({ client, staff, actAs }) => {
    for (const c of cases) {
      actAs(staff[c.as]);
      const before = await databaseFingerprint(client);
      // A read whose filters are all optional treats a missing input (or one with no keys) as "no filters".
      const inputs = [null, undefined, "{}", 42, [], [c.valid()], new Date()].filter(
        (i) => !(c.emptyMeansDefaults && (i == null || i instanceof Date)),
      );
      for (const input of inputs) {
        await expectRefused(c, input);
        tried.notObject++;
      }
      expect(await databaseFingerprint(client), c.name).toEqual(before);
    }
  });

  it("the valid inputs used above are accepted (so the refusals are the schema's doing)", async ({ staff, actAs }) => {
    for (const c of cases) {
      actAs(staff[c.as]);
      // Accepted, or refused for a reason other than its shape (e.g. a workflow rule): never a 400.
      const outcome = await c.call(c.valid()).then(
        () => "ok",
        (e: unknown) => (e instanceof AppError ? e.status : "threw"),
      );
      expect([c.name, outcome === "ok" || (typeof outcome === "number" && outcome !== 400)]).toEqual([c.name, true]);
    }
  });
});

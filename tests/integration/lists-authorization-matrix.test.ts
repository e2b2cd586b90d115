import { sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import * as searchRoute from "@/app/api/studio/articles/search/route";
import type { Database } from "@/db/client";
import type { Role } from "@/db/schema";
import { AppError } from "@/lib/errors";
import * as articleList from "@/server/lists/article-list";
import * as health from "@/server/lists/health";
import * as lists from "@/server/lists/lists";
import * as picker from "@/server/lists/picker";
import { getRecommendationListForEditing } from "@/server/lists/for-editing";
import { listRecommendationListEditions } from "@/server/lists/history";
import { listRecommendationLists } from "@/server/lists/summaries";
import * as flow from "@/server/editorial/transitions";
import { integrationTest } from "../support/fixtures";
import { actAs } from "../support/session";
import { seenListVersion } from "../support/workflow";

const it = integrationTest();

/**
 * Every list server function and the picker's route handler, called directly
 * as each role: allowed, or refused with 401/403 and not a row changed.
 */
type Who = Role | "anonymous";
const EVERYONE: Who[] = ["anonymous", "writer", "editor", "publisher", "admin"];
let articleIds: number[];

const TABLES = ["recommendation_lists", "recommendation_list_editions", "recommendation_list_items", "articles", "article_editions"];
async function snapshot(db: Database) {
  const parts = await Promise.all(TABLES.map((table) => db.all(sql.raw(`SELECT * FROM ${table} ORDER BY 1`))));
  return JSON.stringify(parts);
}

function become(who: Who) {
  actAs(who === "anonymous" ? null : who);
}

async function outcome(call: () => Promise<unknown>): Promise<"ok" | number> {
  try {
    const result = await call();
    if (result instanceof Response) return result.status === 200 ? "ok" : result.status;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.status;
    throw error;
  }
}

type Stage = "draft" | "submitted" | "approved" | "scheduled";
const future = () => new Date(Date.now() + 9 * 3_600_000 + 86_400_000).toISOString().slice(0, 16);

/** A fresh list in `stage`, last edited by the writer (so the two-person rule never decides the outcome). */
async function listAt(db: Database, stage: Stage): Promise<{ listId: number; version: number }> {
  actAs("writer");
  const { id, version } = await lists.createRecommendationList({ name: `Matrix ${stage}`, placement: "default" });
  await lists.saveRecommendationListDraft({
    listId: id,
    version,
    name: `Matrix ${stage}`,
    maxItems: 10,
    fillFromCategory: false,
    entries: [{ kind: "article", articleId: articleIds[0] }],
  });
  if (stage !== "draft") await flow.applyTransition("list", { listId: id, transition: "submit" });
  actAs("admin");
  if (stage === "approved" || stage === "scheduled")
    await flow.applyTransition("list", { listId: id, version: await seenListVersion(db, id), transition: "approve" });
  if (stage === "scheduled")
    await flow.applyTransition("list", {
      listId: id,
      version: await seenListVersion(db, id),
      transition: "schedule",
      scheduledFor: future(),
    });
  // The version its studio page shows now, as the panel would post it.
  return { listId: id, version: await seenListVersion(db, id) };
}

type Case = { name: string; allowed: Who[]; stage?: Stage; call: (list: { listId: number; version: number }) => Promise<unknown> };
const STAFF: Who[] = ["writer", "editor", "publisher", "admin"];
const PUBLISHERS: Who[] = ["publisher", "admin"];

const CASES: Case[] = [
  { name: "listRecommendationLists", allowed: STAFF, call: () => listRecommendationLists() },
  {
    name: "getRecommendationListForEditing",
    allowed: STAFF,
    stage: "draft",
    call: ({ listId }) => getRecommendationListForEditing({ listId }),
  },
  {
    name: "listRecommendationListEditions",
    allowed: STAFF,
    stage: "draft",
    call: ({ listId }) => listRecommendationListEditions({ listId }),
  },
  { name: "listUnhealthyLists", allowed: STAFF, call: () => health.listUnhealthyLists() },
  { name: "getListForArticle", allowed: STAFF, call: () => articleList.getListForArticle({ articleId: articleIds[1] }) },
  { name: "searchPublishedItemsForPicker", allowed: STAFF, call: () => picker.searchPublishedItemsForPicker({ q: "Governor" }) },
  {
    name: "GET /api/studio/articles/search",
    allowed: STAFF,
    call: () => searchRoute.GET(new Request("http://koho.test/api/studio/articles/search?q=Governor")),
  },
  {
    name: "createRecommendationList",
    allowed: STAFF,
    call: () => lists.createRecommendationList({ name: "Made in the matrix", placement: "default", maxItems: 5 }),
  },
  {
    name: "saveRecommendationListDraft",
    allowed: STAFF,
    stage: "draft",
    call: ({ listId, version }) =>
      lists.saveRecommendationListDraft({
        listId,
        version,
        name: "Saved in the matrix",
        maxItems: 5,
        fillFromCategory: false,
        entries: [{ kind: "article", articleId: articleIds[2] }],
      }),
  },
  {
    name: "transition submit",
    allowed: STAFF,
    stage: "draft",
    call: ({ listId }) => flow.applyTransition("list", { listId, transition: "submit" }),
  },
  {
    name: "transition return_to_draft",
    allowed: STAFF,
    stage: "submitted",
    call: ({ listId }) => flow.applyTransition("list", { listId, transition: "return_to_draft" }),
  },
  {
    name: "transition request_changes",
    allowed: ["editor", "publisher", "admin"],
    stage: "submitted",
    call: ({ listId }) => flow.applyTransition("list", { listId, transition: "request_changes", comment: "Change it." }),
  },
  {
    name: "transition approve",
    allowed: PUBLISHERS,
    stage: "submitted",
    call: ({ listId, version }) => flow.applyTransition("list", { listId, version, transition: "approve" }),
  },
  {
    name: "transition publish",
    allowed: PUBLISHERS,
    stage: "approved",
    call: ({ listId, version }) => flow.applyTransition("list", { listId, version, transition: "publish" }),
  },
  {
    name: "transition schedule",
    allowed: PUBLISHERS,
    stage: "approved",
    call: ({ listId, version }) => flow.applyTransition("list", { listId, version, transition: "schedule", scheduledFor: future() }),
  },
  {
    name: "transition unschedule",
    allowed: PUBLISHERS,
    stage: "scheduled",
    call: ({ listId }) => flow.applyTransition("list", { listId, transition: "unschedule" }),
  },
];

it.beforeAll(async ({ db }) => {
  const rows = await db.all<{ id: number }>(sql`SELECT id FROM articles WHERE status = 'published' ORDER BY id`);
  articleIds = rows.map((r) => Number(r.id));
});

describe("list authorization matrix", () => {
  for (const c of CASES) {
    it(`${c.name}: ${c.allowed.join(", ")} allowed; everyone else refused with nothing changed`, async ({ db }) => {
      for (const who of EVERYONE) {
        const list = c.stage ? await listAt(db, c.stage) : { listId: 0, version: 0 };
        become(who);
        const before = await snapshot(db);
        const result = await outcome(() => c.call(list));
        if (c.allowed.includes(who)) {
          expect({ who, result }).toEqual({ who, result: "ok" });
        } else {
          expect({ who, result }).toEqual({ who, result: who === "anonymous" ? 401 : 403 });
          expect(await snapshot(db)).toBe(before);
        }
      }
    });
  }

  it("the picker route answers 401/403 as JSON and 200 with id, title and date only", async () => {
    become("anonymous");
    const refused = await searchRoute.GET(new Request("http://koho.test/api/studio/articles/search?q=Tokyo"));
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: "unauthorized:auth" } });
    become("writer");
    const found = await searchRoute.GET(new Request("http://koho.test/api/studio/articles/search?q=Tokyo%20Ambassadors"));
    expect(found.headers.get("cache-control")).toBe("private, no-store");
    const body = (await found.json()) as { items: Record<string, unknown>[] };
    expect(body.items[0]).toEqual({
      id: expect.any(Number),
      title: "2026 Tokyo Ambassadors Night",
      datelineDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
  });
});

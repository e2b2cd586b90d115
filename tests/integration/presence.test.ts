import { sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import "../support/session";
import { POST } from "@/app/api/studio/presence/route";
import type { Database } from "@/db/client";
import { recommendationLists } from "@/db/schema";
import { PRESENCE_STALE_MS, type PresenceView } from "@/lib/presence";
import * as drafts from "@/server/articles/drafts";
import { handlePresenceRequest } from "@/server/presence/presence";
import { integrationTest } from "../support/fixtures";

const it = integrationTest();

const post = (body: unknown) =>
  POST(
    new Request("http://localhost:3000/api/studio/presence", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );

async function view(body: unknown): Promise<PresenceView> {
  const response = await post(body);
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("private, no-store");
  return (await response.json()) as PresenceView;
}

/** A beat at a chosen instant, through the same server function the route calls. */
const beatAt = (id: number, now: Date, intent = "beat") =>
  handlePresenceRequest(JSON.stringify({ kind: "article", id, intent }), { now }) as Promise<PresenceView>;

async function counts(db: Database) {
  const [row] = await db.all<{ locks: number; viewers: number; audit: number; tags: number }>(
    sql`SELECT (SELECT count(*) FROM edit_locks) AS locks, (SELECT count(*) FROM presence_viewers) AS viewers,
               (SELECT count(*) FROM audit_log) AS audit, (SELECT count(*) FROM cache_tag_expirations) AS tags`,
  );
  return row;
}

async function writersItem(actAs: (role: "writer") => void) {
  actAs("writer");
  return (await drafts.createArticle()).id;
}

describe("presence and the soft edit lock", () => {
  it("the first editor's heartbeat claims the lock; a second person sees who edits since when, and beats write no audit entry", async ({
    db,
    actAs,
  }) => {
    const id = await writersItem(actAs);
    actAs("editor");
    const first = await view({ kind: "article", id, intent: "beat" });
    expect(first).toMatchObject({ canEdit: true, lock: { holder: "Eiji Editor", mine: true }, takenFromMe: null, viewers: [] });
    const before = await counts(db);

    actAs("publisher");
    const second = await view({ kind: "article", id, intent: "beat" });
    expect(second.lock).toEqual({ holder: "Eiji Editor", since: first.lock!.since, mine: false });
    expect(second.canEdit).toBe(true);

    actAs("editor");
    const again = await view({ kind: "article", id, intent: "beat" });
    expect(again.lock).toEqual({ holder: "Eiji Editor", since: first.lock!.since, mine: true });
    expect(again.viewers).toEqual(["Perri Publisher"]);
    const after = await counts(db);
    expect({ audit: after!.audit, tags: after!.tags }).toEqual({ audit: before!.audit, tags: before!.tags });
    expect(after!.locks).toBe(before!.locks);
  });

  it("a lock not heard from for the stale period is claimed by the next editor's beat; “watch” never claims", async ({ actAs }) => {
    const id = await writersItem(actAs);
    const t0 = new Date("2026-12-01T05:02:00Z");
    actAs("editor");
    expect((await beatAt(id, t0)).lock?.mine).toBe(true);
    actAs("publisher");
    const early = await beatAt(id, new Date(t0.getTime() + PRESENCE_STALE_MS - 1_000));
    expect(early.lock).toMatchObject({ holder: "Eiji Editor", mine: false });
    const late = new Date(t0.getTime() + PRESENCE_STALE_MS + 1_000);
    expect((await beatAt(id, late, "watch")).lock).toBeNull();
    const claimed = await beatAt(id, late);
    expect(claimed.lock).toEqual({ holder: "Perri Publisher", since: late.toISOString(), mine: true });
    actAs("editor");
    const back = await beatAt(id, new Date(late.getTime() + 1_000));
    expect(back).toMatchObject({ lock: { holder: "Perri Publisher", mine: false }, takenFromMe: null });
  });

  it("take over moves the lock in one click, audits from whom, and the person who lost it is told by whom and when", async ({
    db,
    actAs,
  }) => {
    const id = await writersItem(actAs);
    actAs("editor");
    await view({ kind: "article", id, intent: "beat" });
    actAs("publisher");
    const taken = await view({ kind: "article", id, intent: "take_over" });
    expect(taken.lock).toMatchObject({ holder: "Perri Publisher", mine: true });
    const [entry] = await db.all<{ action: string; outcome: string; target_id: string; details: string }>(
      sql`SELECT action, outcome, target_id, details FROM audit_log ORDER BY id DESC LIMIT 1`,
    );
    expect(entry).toMatchObject({ action: "article.lock_taken_over", outcome: "ok", target_id: String(id) });
    expect(JSON.parse(entry!.details)).toMatchObject({ from: "Eiji Editor" });

    actAs("editor");
    const lost = await view({ kind: "article", id, intent: "beat" });
    expect(lost.lock).toMatchObject({ holder: "Perri Publisher", mine: false });
    expect(lost.takenFromMe).toEqual({ by: "Perri Publisher", at: taken.lock!.since });
    expect((await view({ kind: "article", id, intent: "watch" })).lock?.mine).toBe(false);
  });

  it("release frees the holder's lock and the next editor claims it", async ({ actAs }) => {
    const id = await writersItem(actAs);
    actAs("editor");
    await view({ kind: "article", id, intent: "beat" });
    const released = await post({ kind: "article", id, intent: "release" });
    expect(released.status).toBe(204);
    actAs("publisher");
    expect((await view({ kind: "article", id, intent: "beat" })).lock).toMatchObject({ holder: "Perri Publisher", mine: true });
  });

  it("someone who may only read is present but never holds or takes the lock: take over is 403 and writes no presence", async ({
    db,
    staff,
    actAs,
  }) => {
    actAs("admin");
    const id = (await drafts.createArticle()).id;
    actAs("writer");
    const reading = await view({ kind: "article", id, intent: "beat" });
    expect(reading).toMatchObject({ canEdit: false, lock: null });
    const before = await counts(db);
    const refused = await post({ kind: "article", id, intent: "take_over" });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("forbidden:article");
    const after = await counts(db);
    expect({ locks: after!.locks, viewers: after!.viewers }).toEqual({ locks: before!.locks, viewers: before!.viewers });
    const [denial] = await db.all<{ action: string; outcome: string; actor_id: number }>(
      sql`SELECT action, outcome, actor_id FROM audit_log ORDER BY id DESC LIMIT 1`,
    );
    expect(denial).toEqual({ action: "article.lock_taken_over", outcome: "denied", actor_id: staff.writer.id });
  });

  it("refuses an unknown item (404), a signed-out caller (401) and bad bodies (400) without writing anything", async ({ db, actAs }) => {
    const id = await writersItem(actAs);
    const before = await counts(db);
    actAs("editor");
    const missing = await post({ kind: "article", id: 999_999, intent: "beat" });
    expect([missing.status, (await missing.json()).error.code]).toEqual([404, "not_found:article"]);
    const bad = [
      "{",
      "",
      "[]",
      "null",
      { kind: "article", id },
      { kind: "page", id, intent: "beat" },
      { kind: "article", id, intent: "beat", holderId: 1 },
    ];
    for (const body of bad) {
      const response = await post(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).error.code).toMatch(/^bad_request:/);
    }
    actAs(null);
    for (const body of [{ kind: "article", id, intent: "beat" }, { kind: "article", id, intent: "take_over" }, "{"]) {
      const response = await post(body);
      expect([response.status, (await response.json()).error.code]).toEqual([401, "unauthorized:auth"]);
    }
    expect(await counts(db)).toEqual(before);
  });

  it("covers the engine's other kind: a list's editor claims its lock", async ({ db, actAs }) => {
    const [list] = await db.select({ id: recommendationLists.id }).from(recommendationLists).limit(1);
    expect(list).toBeDefined();
    actAs("writer");
    expect(await view({ kind: "list", id: list!.id, intent: "beat" })).toMatchObject({
      canEdit: true,
      lock: { holder: "Wakana Writer", mine: true },
    });
  });
});

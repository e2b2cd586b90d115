import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type Handle } from "@/db/client";
import { articles } from "@/db/schema";
import { draftPayload } from "../support/workflow";
import { actionId, postAction, sessionCookie, type ActionPost } from "./support/action-request";

/**
 * Issue 14, raw requests an outside tester sent to server actions, which Next
 * answered with a bare 500. Each must be a 4xx that says what was wrong, and
 * the item must be exactly as it was. Every group ends with a genuine request
 * that does save, so a refusal is the check under test and not a broken setup.
 */
let db: Handle;
let cookie: string;
let save: string;
let id: number;
const path = () => `/studio/articles/${id}`;
const base = () => inject("baseURL");
const post = (p: Omit<ActionPost, "path" | "action" | "cookie"> & Partial<ActionPost>) =>
  postAction(base(), { path: path(), action: save, cookie, ...p });

beforeAll(async () => {
  db = await openDatabase(inject("databaseUrl"));
  cookie = await sessionCookie(db, "editor@koho.example");
  save = actionId("saveArticleAction");
  const created = await postAction(base(), { path: "/studio/articles", action: actionId("createArticleAction"), cookie, body: "[]" });
  id = Number(/\/studio\/articles\/(\d+)/.exec(created.headers.get("x-action-redirect") ?? "")?.[1]);
  expect(id, "createArticleAction should redirect to the new item").toBeGreaterThan(0);
});
afterAll(() => db?.client.close());

const version = async () => (await db.db.select({ v: articles.version }).from(articles).where(eq(articles.id, id)))[0]!.v;
const draft = async (overrides: Record<string, unknown> = {}) =>
  draftPayload(id, await version(), { slug: `security-input-${id}`, ...overrides });

/** A refusal: the status, a JSON body with a code and a sentence, and no trace of the server's insides. */
async function expectRefused(response: Response, status: number, message: RegExp) {
  const text = await response.text();
  expect(response.status, text.slice(0, 200)).toBe(status);
  const body = JSON.parse(text) as { error: string; message: string };
  expect(body.message).toMatch(message);
  expect(text).not.toMatch(/at \w+ \(|node_modules|digest/);
}

async function expectSaved(response: Response, before: number) {
  expect(response.status).toBe(200);
  expect(await response.text()).toContain('"ok":true');
  expect(await version()).toBe(before + 1);
}

describe("server-action requests that used to answer 500", () => {
  it("a body over 1 MB is refused with 413 before the action runs; one without a length with 411", async () => {
    const before = await version();
    const huge = JSON.stringify([await draft({ summary: "x".repeat(1_100_000) })]);
    await expectRefused(await post({ body: huge }), 413, /more than the 1\.0 MB/);
    // A chunked body announces no length; it is refused unread rather than counted.
    const stream = new Blob([huge]).stream();
    const chunked = await fetch(new URL(path(), base()), {
      method: "POST",
      headers: { "next-action": save, origin: new URL(base()).origin, cookie, "content-type": "text/plain;charset=UTF-8" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    await expectRefused(chunked, 411, /Content-Length/);
    // The no-JavaScript form path (multipart, no Next-Action header) has the same limit.
    const form = new FormData();
    form.set("$ACTION_ID_" + save, "");
    form.set("summary", "x".repeat(1_100_000));
    await expectRefused(
      await fetch(new URL(path(), base()), { method: "POST", headers: { origin: new URL(base()).origin, cookie }, body: form }),
      413,
      /1\.0 MB/,
    );
    expect(await version()).toBe(before);
    await expectSaved(await post({ body: JSON.stringify([await draft({ title: "Under the limit" })]) }), before);
  });

  it("an action posted with Origin: null, an unreadable Origin or from another site is refused with 403", async () => {
    const before = await version();
    const body = JSON.stringify([await draft({ title: "Forged" })]);
    const forged: Record<string, string>[] = [
      { origin: "null" },
      { origin: "not a url" },
      { origin: "https://attacker.example" },
      { origin: "", "sec-fetch-site": "cross-site" },
    ];
    for (const headers of forged) {
      const response = await post({ body, headers });
      await expectRefused(response, 403, /refused/);
    }
    expect(await version()).toBe(before);
    await expectSaved(await post({ body }), before);
  });

  it("arguments with references to parts that were never sent, or that are not JSON, are refused with 400", async () => {
    const before = await version();
    const payload = await draft({ title: "Saved through a reference" });
    for (const body of ['["$Q5"]', '["$@5"]', '["$W1"]', '["$5"]', '["$B1"]', '["$n12x"]', '[{"body":"$h2"}]', "[{", "not json"]) {
      await expectRefused(await post({ body }), 400, /refers to a part|not valid JSON|not a valid number|not a reference/);
    }
    const dangling = new FormData();
    dangling.set("0", '["$1"]');
    await expectRefused(await post({ body: dangling }), 400, /refers to a part/);
    // A reference to a part sent after it (React's client never does that) made Next throw "Invalid forward reference".
    const forward = new FormData();
    forward.set("0", '["$1"]');
    forward.set("1", JSON.stringify(payload));
    await expectRefused(await post({ body: forward }), 400, /comes after/);
    expect(await version()).toBe(before);
    // Control: the part first, as the client writes it; Next decodes it, so it still gets the body the proxy read.
    const outlined = new FormData();
    outlined.set("1", JSON.stringify(payload));
    outlined.set("0", '["$1"]');
    await expectSaved(await post({ body: outlined }), before);
  });
});

describe("RSC requests with a malformed router state", () => {
  const tree = (segments: string[]): string => {
    let node: unknown = ["__PAGE__", {}];
    for (const s of [...segments].reverse()) node = [s, { children: node }];
    return encodeURIComponent(JSON.stringify(["", { children: node }, null, null]));
  };

  it("are refused with 400, on dynamic staff pages and prerendered public ones", async () => {
    for (const header of [
      "not-json",
      "%",
      "%7B",
      encodeURIComponent('{"children":1}'),
      encodeURIComponent('["", {"children": ["x", 5]}]'),
    ]) {
      for (const target of ["/studio/articles", "/"]) {
        const response = await fetch(new URL(target, base()), { headers: { rsc: "1", "next-router-state-tree": header, cookie } });
        await expectRefused(response, 400, /Next-Router-State-Tree/);
      }
    }
    const genuine = await fetch(new URL("/studio/articles", base()), {
      headers: { rsc: "1", "next-router-state-tree": tree(["studio", "articles"]), cookie },
    });
    expect(genuine.status).toBe(200);
    expect(genuine.headers.get("content-type")).toContain("text/x-component");
  });
});

describe("the optimistic sign-in redirect (proxy.ts builds it itself since it reads raw RSC headers)", () => {
  it("sends the browser to the sign-in page of the address it used, directly and behind nginx", async () => {
    const cases: [Record<string, string>, string][] = [
      [{}, base()],
      [{ "x-forwarded-host": "news.koho.example", "x-forwarded-proto": "https" }, "https://news.koho.example"],
    ];
    for (const [headers, seenAt] of cases) {
      const response = await fetch(new URL("/studio/articles", base()), { headers, redirect: "manual" });
      expect(response.status).toBe(307);
      const target = new URL(response.headers.get("location")!, seenAt);
      expect(target.origin).toBe(new URL(seenAt).origin);
      expect(target.pathname + target.search).toBe("/sign-in?callbackUrl=%2Fstudio%2Farticles");
    }
  });
});

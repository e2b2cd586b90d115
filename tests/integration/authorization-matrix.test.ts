import { sql } from "drizzle-orm";
import { describe, expect, vi } from "vitest";
import { POST } from "@/app/api/scheduler/run/route";
import type { Database } from "@/db/client";
import { integrationTest } from "../support/fixtures";
import { actAs } from "../support/session";
import { cases, type Who } from "./authorization-cases";

const it = integrationTest();

/**
 * Every studio server action, called directly (not through the UI) as each
 * role: allowed, or refused with 401/403 and not a row changed.
 */
class Redirected extends Error {
  constructor(readonly url: string) {
    super(`redirect ${url}`);
  }
}
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Redirected(url);
  },
  notFound: () => {
    throw new Redirected("404");
  },
}));

const EVERYONE: Who[] = ["anonymous", "writer", "editor", "publisher", "admin"];

const TABLES = ["articles", "article_editions", "article_revisions", "review_comments", "users", "preview_links", "login_throttle"];
async function snapshot(db: Database) {
  const parts = await Promise.all(TABLES.map((table) => db.all(sql.raw(`SELECT * FROM ${table} ORDER BY 1`))));
  return JSON.stringify(parts);
}

function become(who: Who) {
  actAs(who === "anonymous" ? null : who);
}

/** "ok", or the HTTP status the refusal carries. */
async function outcome(call: () => Promise<unknown>): Promise<"ok" | number> {
  try {
    const result = (await call()) as Record<string, unknown> | null | undefined;
    if (!result) return "ok";
    if (result.ok === true) return "ok";
    if (typeof result.status === "number") return result.status;
    if (result.ok === undefined && result.message === null) return "ok";
    return -1;
  } catch (error) {
    if (error instanceof Redirected) {
      if (error.url.includes("?error=")) return decodeURIComponent(error.url).includes("Sign in") ? 401 : 403;
      return "ok";
    }
    throw error;
  }
}

describe("authorization matrix of studio actions", () => {
  for (const c of cases) {
    it(`${c.name}: allowed for ${c.allowed.join(", ")}; refused with 401/403 and no change for the others`, async ({ db }) => {
      for (const who of EVERYONE) {
        const fixture = await c.setup(db);
        const before = await snapshot(db);
        become(who);
        const result = await outcome(() => c.call(fixture, db));
        if (c.allowed.includes(who)) {
          expect({ who, result }).toEqual({ who, result: "ok" });
        } else {
          expect({ who, result }).toEqual({ who, result: who === "anonymous" ? 401 : 403 });
          expect(await snapshot(db)).toBe(before);
        }
      }
    }, 60_000);
  }

  it("refuses a scheduler tick without its token", async () => {
    const response = await POST(
      new Request("http://localhost/api/scheduler/run", { method: "POST", headers: { authorization: "Bearer wrong" } }),
    );
    expect(response.status).toBe(401);
  });
});

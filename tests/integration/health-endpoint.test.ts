import { describe, expect, vi } from "vitest";
import * as healthRoute from "@/app/api/health/route";
import { getDatabase } from "@/server/db";
import { checkHealth } from "@/server/health";
import { publishDue } from "@/server/editorial/scheduler";
import { integrationTest } from "../support/fixtures";

const it = integrationTest({ demo: false });

// Outside Next there is no request for connection() to wait for.
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => {} }));

async function tickScheduler(at = new Date()) {
  await publishDue(at);
}

describe("/api/health", () => {
  it("answers 200, no-store, with each check and the scheduler's last run", async () => {
    const ranAt = new Date();
    await tickScheduler(ranAt);
    const response = await healthRoute.GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body.healthy).toBe(true);
    expect(body.checks.database).toEqual({ ok: true, detail: "reachable" });
    expect(body.checks.migrations).toMatchObject({ ok: true, detail: "current" });
    expect(body.checks.migrations.applied).toBe(body.checks.migrations.expected);
    expect(body.checks.migrations.expected).toBeGreaterThanOrEqual(4);
    expect(body.checks.scheduler).toEqual({ ok: true, detail: "running", lastRunAt: ranAt.toISOString() });
  });

  it("reports a stopped scheduler once the start-up grace has passed", async () => {
    await tickScheduler(new Date(Date.now() - 10 * 60_000));
    const late = await checkHealth({ uptimeMs: 3_600_000 });
    expect(late.healthy).toBe(false);
    expect(late.checks.scheduler.ok).toBe(false);
    expect(late.checks.scheduler.detail).toMatch(/no run for \d+ s/);
    // Just started: the first tick has not come yet, which is not a failure.
    expect((await checkHealth({ uptimeMs: 1_000 })).checks.scheduler).toMatchObject({ ok: true, detail: "starting" });
    await tickScheduler();
  });

  it("answers 503 when a committed migration is missing from the database, and names it", async ({ client }) => {
    const rows = await client.execute("SELECT hash, created_at FROM __drizzle_migrations ORDER BY created_at DESC LIMIT 1");
    const last = { hash: String(rows.rows[0]!.hash), created_at: Number(rows.rows[0]!.created_at) };
    await client.execute({ sql: "DELETE FROM __drizzle_migrations WHERE hash = ?", args: [last.hash] });
    try {
      const response = await healthRoute.GET();
      expect(response.status).toBe(503);
      const body = await response.json();
      expect(body.healthy).toBe(false);
      expect(body.checks.migrations).toMatchObject({ ok: false, detail: "1 committed migration(s) not applied" });
    } finally {
      await client.execute({
        sql: "INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)",
        args: [last.hash, last.created_at],
      });
    }
    await client.execute({
      sql: "INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('from-a-newer-build', 99999999999999)",
      args: [],
    });
    const body = await (await healthRoute.GET()).json();
    expect(body.checks.migrations.detail).toBe("1 applied migration(s) not in this build");
    await client.execute("DELETE FROM __drizzle_migrations WHERE hash = 'from-a-newer-build'");
  });

  it("answers 503 without details when the database cannot be reached", async () => {
    const db = await getDatabase();
    const original = db.$client.execute.bind(db.$client);
    const fault = new Error("SQLITE_CANTOPEN: unable to open /secret/path.db");
    db.$client.execute = (() => Promise.reject(fault)) as typeof db.$client.execute;
    // The details go to the server log, not the answer; caught here so the expected failure prints no stack trace.
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const response = await healthRoute.GET();
      expect(logged).toHaveBeenCalledWith("Health check failed", fault);
      expect(response.status).toBe(503);
      const text = await response.text();
      expect(text).not.toContain("SQLITE");
      expect(text).not.toContain("/secret/path");
      expect(JSON.parse(text).checks.database).toEqual({ ok: false, detail: "unavailable" });
    } finally {
      db.$client.execute = original;
      logged.mockRestore();
    }
  });
});

import "server-only";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { MIGRATIONS_FOLDER } from "@/db/migrate";
import { env } from "@/lib/env";
import { getDatabase } from "./db";
import { lastSchedulerRun } from "./editorial/scheduler";
import { publicRead } from "./public-read";

export type HealthCheck = { ok: boolean; detail: string };
export type HealthReport = {
  healthy: boolean;
  checkedAt: string;
  checks: {
    database: HealthCheck;
    migrations: HealthCheck & { applied: number; expected: number };
    scheduler: HealthCheck & { lastRunAt: string | null };
  };
};

/** A scheduler that has missed this many ticks is reported as stopped. */
const MISSED_TICKS = 4;
/** Time after start-up before a missing heartbeat counts: the first tick comes a couple of seconds in. */
const START_UP_GRACE_MS = 30_000;

type Row = Record<string, unknown>;

async function checkDatabase(): Promise<HealthCheck> {
  const db = await getDatabase();
  await db.$client.execute("SELECT 1");
  return { ok: true, detail: "reachable" };
}

/** Compares what drizzle recorded with the committed migrations (db/migrations/meta/_journal.json), by hash. */
async function checkMigrations(): Promise<HealthReport["checks"]["migrations"]> {
  const expected = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  const db = await getDatabase();
  const rows = (await db.$client.execute("SELECT hash, created_at FROM __drizzle_migrations ORDER BY created_at")).rows as unknown as Row[];
  const applied = new Set(rows.map((r) => String(r.hash)));
  const missing = expected.filter((m) => !applied.has(m.hash));
  const known = new Set(expected.map((m) => m.hash));
  const unknown = rows.filter((r) => !known.has(String(r.hash)));
  const ok = missing.length === 0 && unknown.length === 0;
  const detail = ok
    ? "current"
    : [
        missing.length && `${missing.length} committed migration(s) not applied`,
        unknown.length && `${unknown.length} applied migration(s) not in this build`,
      ]
        .filter(Boolean)
        .join("; ");
  return { ok, detail, applied: rows.length, expected: expected.length };
}

async function checkScheduler(now: Date, uptimeMs: number): Promise<HealthReport["checks"]["scheduler"]> {
  const lastRun = await lastSchedulerRun();
  const limitMs = env().SCHEDULER_INTERVAL_MS * MISSED_TICKS + 5_000;
  const lastRunAt = lastRun?.toISOString() ?? null;
  if (lastRun && now.getTime() - lastRun.getTime() <= limitMs) return { ok: true, detail: "running", lastRunAt };
  if (uptimeMs < START_UP_GRACE_MS) return { ok: true, detail: "starting", lastRunAt };
  return {
    ok: false,
    detail: lastRun ? `no run for ${Math.round((now.getTime() - lastRun.getTime()) / 1000)} s` : "has never run",
    lastRunAt,
  };
}

function failed(error: unknown): HealthCheck {
  // The reason goes to the log; the public answer names only the check.
  console.error("Health check failed", error);
  return { ok: false, detail: "unavailable" };
}

/** What /api/health reports: database reachable, migrations current, scheduler alive. */
export const checkHealth = publicRead(
  "load balancers and monitors ask without an account; it names checks, never their errors",
  async function checkHealth({
    now = new Date(),
    uptimeMs = process.uptime() * 1000,
  }: { now?: Date; uptimeMs?: number } = {}): Promise<HealthReport> {
    const database = await checkDatabase().catch(failed);
    const migrations = database.ok
      ? await checkMigrations().catch((e) => ({ ...failed(e), applied: 0, expected: 0 }))
      : { ok: false, detail: "database unreachable", applied: 0, expected: 0 };
    const scheduler = database.ok
      ? await checkScheduler(now, uptimeMs).catch((e) => ({ ...failed(e), lastRunAt: null }))
      : { ok: false, detail: "database unreachable", lastRunAt: null };
    return {
      healthy: database.ok && migrations.ok && scheduler.ok,
      checkedAt: now.toISOString(),
      checks: { database, migrations, scheduler },
    };
  },
);

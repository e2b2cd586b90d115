import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, authSessions, loginThrottle, users } from "@/db/schema";
import * as credentials from "@/server/auth/credentials";
import * as retention from "@/server/auth/retention";
import { integrationTest } from "../support/fixtures";

const it = integrationTest();

/**
 * Throttle counters, sessions and audit entries are kept for the periods the
 * README documents, then pruned: on sign-in, with nothing else to schedule.
 */
let userId: number;

const DAY = 24 * 60 * 60 * 1000;
const now = new Date("2026-06-01T00:00:00Z");

it.beforeAll(async ({ db }) => {
  const [writer] = await db.select().from(users).where(eq(users.email, "writer@koho.example"));
  userId = writer!.id;
});

async function seedOldAndNew(db: Database, at: Date) {
  const back = (ms: number) => new Date(at.getTime() - ms);
  await db.insert(loginThrottle).values([
    { key: "pair:old@x|1.1.1.1", failures: 3, windowStartedAt: back(2 * DAY) },
    { key: "address:2.2.2.2", failures: 40, windowStartedAt: back(2 * DAY), lockedUntil: new Date(at.getTime() + 60_000) },
    { key: "pair:recent@x|1.1.1.1", failures: 1, windowStartedAt: back(60_000) },
  ]);
  await db.insert(authSessions).values([
    { idHash: "expired", userId, createdAt: back(DAY), expiresAt: back(1) },
    { idHash: "live", userId, createdAt: back(60_000), expiresAt: new Date(at.getTime() + 60_000) },
  ]);
  await db.insert(auditLog).values([
    { at: back(400 * DAY), actorLabel: "old", action: "auth.sign_in", outcome: "ok" },
    { at: back(300 * DAY), actorLabel: "kept", action: "auth.sign_in", outcome: "ok" },
  ]);
}

const keys = async (db: Database) => (await db.select().from(loginThrottle)).map((r) => r.key).sort();
const sessionIds = async (db: Database) => (await db.select().from(authSessions)).map((r) => r.idHash).sort();
const auditLabels = async (db: Database) =>
  (await db.select().from(auditLog)).map((r) => r.actorLabel).filter((l) => l === "old" || l === "kept");

describe("retention", () => {
  it("a sign-in prunes what has outlived its period", async ({ db }) => {
    await seedOldAndNew(db, new Date());
    await credentials
      .authenticateWithPassword({ email: "writer@koho.example", password: "writer-demo-pass", ip: "203.0.113.1" })
      .catch(() => undefined);
    expect(await keys(db)).not.toContain("pair:old@x|1.1.1.1");
    expect(await sessionIds(db)).toEqual(["live"]);
    expect(await auditLabels(db)).toEqual(["kept"]);
    await db.delete(loginThrottle);
    await db.delete(authSessions);
    await db.delete(auditLog);
  });

  it("keeps throttle rows a day (longer while locked), sessions until their end, the audit log 365 days", async ({ db }) => {
    await seedOldAndNew(db, now);
    await retention.pruneAuthRecords(db, now);
    expect(await keys(db)).toEqual(["address:2.2.2.2", "pair:recent@x|1.1.1.1"]);
    expect(await sessionIds(db)).toEqual(["live"]);
    expect(await auditLabels(db)).toEqual(["kept"]);
    // Once the lock has run out too, the old address row goes.
    await retention.pruneAuthRecords(db, new Date(now.getTime() + 2 * 60_000));
    expect(await keys(db)).toEqual(["pair:recent@x|1.1.1.1"]);
  });
});

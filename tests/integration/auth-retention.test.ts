import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, authSessions, loginThrottle, users } from "@/db/schema";
import { createTempDatabase } from "../support/temp-db";

/**
 * Throttle counters, sessions and audit entries are kept for the periods the
 * README documents, then pruned: on sign-in, with nothing else to schedule.
 */
let t: Awaited<ReturnType<typeof createTempDatabase>>;
let retention: typeof import("@/server/auth/retention");
let credentials: typeof import("@/server/auth/credentials");
let userId: number;

const DAY = 24 * 60 * 60 * 1000;
const now = new Date("2026-06-01T00:00:00Z");

beforeAll(async () => {
  t = await createTempDatabase({ demo: true });
  process.env.DATABASE_URL = t.url;
  retention = await import("@/server/auth/retention");
  credentials = await import("@/server/auth/credentials");
  const [writer] = await t.db.select().from(users).where(eq(users.email, "writer@koho.example"));
  userId = writer!.id;
});
afterAll(() => t.cleanup());

async function seedOldAndNew(at: Date) {
  const back = (ms: number) => new Date(at.getTime() - ms);
  await t.db.insert(loginThrottle).values([
    { key: "pair:old@x|1.1.1.1", failures: 3, windowStartedAt: back(2 * DAY) },
    { key: "address:2.2.2.2", failures: 40, windowStartedAt: back(2 * DAY), lockedUntil: new Date(at.getTime() + 60_000) },
    { key: "pair:recent@x|1.1.1.1", failures: 1, windowStartedAt: back(60_000) },
  ]);
  await t.db.insert(authSessions).values([
    { idHash: "expired", userId, createdAt: back(DAY), expiresAt: back(1) },
    { idHash: "live", userId, createdAt: back(60_000), expiresAt: new Date(at.getTime() + 60_000) },
  ]);
  await t.db.insert(auditLog).values([
    { at: back(400 * DAY), actorLabel: "old", action: "auth.sign_in", outcome: "ok" },
    { at: back(300 * DAY), actorLabel: "kept", action: "auth.sign_in", outcome: "ok" },
  ]);
}

const keys = async () => (await t.db.select().from(loginThrottle)).map((r) => r.key).sort();
const sessionIds = async () => (await t.db.select().from(authSessions)).map((r) => r.idHash).sort();
const auditLabels = async () => (await t.db.select().from(auditLog)).map((r) => r.actorLabel).filter((l) => l === "old" || l === "kept");

describe("retention", () => {
  it("a sign-in prunes what has outlived its period", async () => {
    await seedOldAndNew(new Date());
    await credentials.authenticateWithPassword({ email: "writer@koho.example", password: "writer-demo-pass", ip: "203.0.113.1" }).catch(() => undefined);
    expect(await keys()).not.toContain("pair:old@x|1.1.1.1");
    expect(await sessionIds()).toEqual(["live"]);
    expect(await auditLabels()).toEqual(["kept"]);
    await t.db.delete(loginThrottle);
    await t.db.delete(authSessions);
    await t.db.delete(auditLog);
  });

  it("keeps throttle rows a day (longer while locked), sessions until their end, the audit log 365 days", async () => {
    await seedOldAndNew(now);
    await retention.pruneAuthRecords(t.db, now);
    expect(await keys()).toEqual(["address:2.2.2.2", "pair:recent@x|1.1.1.1"]);
    expect(await sessionIds()).toEqual(["live"]);
    expect(await auditLabels()).toEqual(["kept"]);
    // Once the lock has run out too, the old address row goes.
    await retention.pruneAuthRecords(t.db, new Date(now.getTime() + 2 * 60_000));
    expect(await keys()).toEqual(["pair:recent@x|1.1.1.1"]);
  });
});

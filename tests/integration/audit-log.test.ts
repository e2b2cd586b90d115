import { and, count, desc, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, users, type Role } from "@/db/schema";
import * as audit from "@/server/audit-log";
import { failure } from "../support/failure";
import { integrationTest } from "../support/fixtures";
import { actAs } from "../support/session";

const it = integrationTest();

async function signInAs(db: Database, role: Role) {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(users.email, `${role}@koho.example`));
  actAs(row!);
  return row!;
}

const ACTIONS = ["auth.sign_in", "article.save", "user.role_change"] as const;
const OUTCOMES = ["ok", "denied", "failed"] as const;
const START = Date.UTC(2026, 1, 5, 1, 0, 0);

it.beforeAll(async ({ db }) => {
  await db.delete(auditLog);
  // 120 entries a minute apart, inserted out of order so "newest first" is the query's doing.
  const rows = Array.from({ length: 120 }, (_, i) => ({
    at: new Date(START + i * 60_000),
    actorLabel: `person-${i}@koho.example`,
    action: ACTIONS[i % 3]!,
    outcome: OUTCOMES[Math.floor(i / 3) % 3]!,
    targetType: "article",
    targetId: String(i),
    ip: "192.0.2.7",
    details: { n: i },
  }));
  for (const row of rows.reverse()) await db.insert(auditLog).values(row);
});

describe("reading the audit log as an administrator", () => {
  it("shows the newest 50 first, then the next pages", async ({ db }) => {
    await signInAs(db, "admin");
    const first = await audit.listAuditEntries({ page: 1 });
    expect(first).toMatchObject({ page: 1, pageSize: 50, total: 120, totalPages: 3 });
    expect(first.entries).toHaveLength(50);
    expect(first.entries[0]).toMatchObject({
      at: new Date(START + 119 * 60_000).toISOString(),
      actorLabel: "person-119@koho.example",
      targetId: "119",
      ip: "192.0.2.7",
      details: { n: 119 },
    });
    const times = first.entries.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
    const third = await audit.listAuditEntries({ page: 3 });
    expect(third.entries.map((e) => e.targetId)).toEqual(Array.from({ length: 20 }, (_, i) => String(19 - i)));
    expect((await audit.listAuditEntries({ page: 4 })).entries).toEqual([]);
    expect(first.actions).toEqual([...ACTIONS].sort());
  });

  it("filters by action, by outcome, and by both", async ({ db }) => {
    await signInAs(db, "admin");
    const saves = await audit.listAuditEntries({ page: 1, action: "article.save" });
    expect(saves.total).toBe(40);
    expect(new Set(saves.entries.map((e) => e.action))).toEqual(new Set(["article.save"]));

    const denied = await audit.listAuditEntries({ page: 1, outcome: "denied" });
    expect(denied.total).toBe(39);
    expect(new Set(denied.entries.map((e) => e.outcome))).toEqual(new Set(["denied"]));

    const both = await audit.listAuditEntries({ page: 1, action: "article.save", outcome: "failed" });
    const [expected] = await db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, "article.save"), eq(auditLog.outcome, "failed")));
    expect(both.total).toBe(expected!.n);
    expect(both.entries.every((e) => e.action === "article.save" && e.outcome === "failed")).toBe(true);
  });

  it("refuses malformed filters and unknown fields with 400, naming them", async ({ db }) => {
    await signInAs(db, "admin");
    const bad = await failure(audit.listAuditEntries({ page: 0, outcome: "maybe", action: "x' OR 1=1 --" }));
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.details.fields as object).sort()).toEqual(["action", "outcome", "page"]);
    const extra = await failure(audit.listAuditEntries({ page: 1, actorId: 1 }));
    expect(extra.status).toBe(400);
    expect(extra.message).toContain("actorId");
  });
});

describe("who may read the audit log", () => {
  for (const role of ["writer", "editor", "publisher"] as const) {
    it(`refuses a ${role} with 403 and logs the denial`, async ({ db }) => {
      const me = await signInAs(db, role);
      const error = await failure(audit.listAuditEntries({ page: 1 }));
      expect(error.status).toBe(403);
      expect(error.type).toBe("forbidden");
      const [denial] = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
      expect(denial).toMatchObject({ actorId: me.id, action: "audit.view", outcome: "denied", details: { role } });
    });
  }

  it("refuses an anonymous caller with 401", async () => {
    actAs(null);
    const error = await failure(audit.listAuditEntries({ page: 1 }));
    expect(error.code).toBe("unauthorized:auth");
    expect(error.status).toBe(401);
  });

  it("shows the denials it recorded to the administrator", async ({ db }) => {
    await signInAs(db, "admin");
    const log = await audit.listAuditEntries({ page: 1, action: "audit.view", outcome: "denied" });
    expect(log.entries.map((e) => e.actorLabel).sort()).toEqual(["editor@koho.example", "publisher@koho.example", "writer@koho.example"]);
  });
});

import { and, desc, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { auditLog, users } from "@/db/schema";
import * as currentUser from "@/server/auth/current-user";
import * as admin from "@/server/users";
import { failure } from "../support/failure";
import { integrationTest } from "../support/fixtures";
import { actAs } from "../support/session";
import { demo, lastAudit, signInAs, snapshot, target } from "./users-fixtures";

const it = integrationTest();

describe("who may manage staff", () => {
  const calls: Record<string, (id: number) => Promise<unknown>> = {
    "user.list": () => admin.listStaffMembers(),
    "user.create": () =>
      admin.createStaffMember({ email: "new-hire@koho.example", name: "New Hire", role: "admin", password: "a-long-enough-password" }),
    "user.role_change": (id) => admin.changeStaffRole({ id, role: "admin" }),
    "user.deactivate": (id) => admin.setStaffMemberActive({ id, active: false }),
    "user.reactivate": (id) => admin.setStaffMemberActive({ id, active: true }),
    "user.password_reset": (id) => admin.resetStaffPassword({ id, password: "a-long-enough-password" }),
  };

  for (const role of ["writer", "editor", "publisher"] as const) {
    it(`refuses a ${role} every users-admin call with 403, logs each denial and changes nothing`, async ({ db }) => {
      const other = await target(db, "editor");
      const before = await snapshot(db);
      for (const [action, call] of Object.entries(calls)) {
        const me = await signInAs(db, role);
        // Raising oneself is the obvious attempt: it must fail like any other.
        for (const id of [me.id, other.id]) {
          const error = await failure(call(id));
          expect(error.code, `${role} ${action}`).toBe("forbidden:user");
          expect(error.status).toBe(403);
          const denial = await lastAudit(db, action);
          expect(denial).toMatchObject({ actorId: me.id, actorLabel: me.email, outcome: "denied", details: { role } });
        }
      }
      expect(await snapshot(db)).toEqual(before);
    });
  }

  it("refuses an anonymous caller with 401 and changes nothing", async ({ db }) => {
    const other = await target(db);
    const before = await snapshot(db);
    actAs(null);
    for (const [action, call] of Object.entries(calls)) {
      const error = await failure(call(other.id));
      expect(error.code, action).toBe("unauthorized:auth");
      expect(error.status).toBe(401);
    }
    expect(await snapshot(db)).toEqual(before);
  });

  it("refuses a signed-in session whose account was deactivated meanwhile", async ({ db }) => {
    const someone = await target(db, "admin");
    actAs(someone);
    await db.update(users).set({ active: false }).where(eq(users.id, someone.id));
    expect((await failure(admin.listStaffMembers())).status).toBe(401);
  });

  it("lists staff for an administrator as plain records without hashes or session versions", async ({ db }) => {
    await signInAs(db, "admin");
    const list = await admin.listStaffMembers();
    expect(list.map((u) => u.email)).toEqual(expect.arrayContaining(["writer@koho.example", "admin@koho.example"]));
    for (const member of list) {
      expect(Object.keys(member).sort()).toEqual(["active", "createdAt", "email", "hasPassword", "id", "name", "role"]);
    }
    expect(JSON.stringify(list)).not.toContain("$argon2");
  });
});

describe("administrators and their own account", () => {
  it("cannot change their own role or deactivate themselves; each attempt is logged as denied", async ({ db }) => {
    const me = await signInAs(db, "admin");
    for (const [action, attempt] of [
      ["user.role_change", () => admin.changeStaffRole({ id: me.id, role: "writer" })],
      ["user.deactivate", () => admin.setStaffMemberActive({ id: me.id, active: false })],
      ["user.reactivate", () => admin.setStaffMemberActive({ id: me.id, active: true })],
    ] as const) {
      const error = await failure(attempt());
      expect(error.code, action).toBe("forbidden:user");
      expect(error.status).toBe(403);
      const [denial] = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, action), eq(auditLog.outcome, "denied"), eq(auditLog.actorId, me.id)))
        .orderBy(desc(auditLog.id))
        .limit(1);
      expect(denial).toMatchObject({ targetType: "user", targetId: String(me.id) });
    }
    expect(await demo(db, "admin")).toEqual(me);
    expect(await currentUser.getCurrentUser()).toMatchObject({ id: me.id, role: "admin" });
  });

  it("another administrator can change an administrator's role", async ({ db }) => {
    const second = await target(db, "admin");
    actAs(second);
    const first = await demo(db, "admin");
    await admin.changeStaffRole({ id: first.id, role: "publisher" });
    expect((await demo(db, "admin")).role).toBe("publisher");
    await db.update(users).set({ role: "admin" }).where(eq(users.id, first.id)); // put the demo admin back for other tests
  });
});

import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, users, type Role } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/password";
import * as currentUser from "@/server/auth/current-user";
import * as admin from "@/server/users";
import { failure } from "../support/failure";
import { integrationTest } from "../support/fixtures";
import { actAs } from "../support/session";

const it = integrationTest();

let knownHash: string;

const KNOWN_PASSWORD = "correct-horse-battery";

/** The account as the database holds it now: a session for it carries this session version. */
async function account(db: Database, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  if (!row) throw new Error(`No account ${email}`);
  return row;
}
const demo = (db: Database, role: Role) => account(db, `${role}@koho.example`);
async function signInAs(db: Database, role: Role) {
  const row = await demo(db, role);
  actAs(row);
  return row;
}

/** A fresh account for one test, so no test depends on another's changes. */
async function target(db: Database, role: Role = "writer") {
  const email = `staff-${randomUUID().slice(0, 8)}@koho.example`;
  const [row] = await db
    .insert(users)
    .values({ email, name: `Temp ${role}`, role, passwordHash: knownHash })
    .returning();
  return row!;
}

async function lastAudit(db: Database, action: string) {
  const [row] = await db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).limit(1);
  return row;
}

const snapshot = (db: Database) => db.select().from(users).orderBy(users.id);

beforeAll(async () => {
  knownHash = await hashPassword(KNOWN_PASSWORD);
});

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

describe("creating staff accounts", () => {
  it("creates an account with an Argon2id hash and logs it", async ({ db }) => {
    const me = await signInAs(db, "admin");
    const created = await admin.createStaffMember({
      email: "  Hana.Reporter@Koho.example ",
      name: "Hana Reporter",
      role: "writer",
      password: "twelve-chars!",
    });
    expect(created).toMatchObject({
      email: "hana.reporter@koho.example",
      name: "Hana Reporter",
      role: "writer",
      active: true,
      hasPassword: true,
    });
    const row = await account(db, "hana.reporter@koho.example");
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash!, "twelve-chars!")).toBe(true);
    expect(await lastAudit(db, "user.create")).toMatchObject({
      actorId: me.id,
      outcome: "ok",
      targetType: "user",
      targetId: String(created.id),
      details: { email: "hana.reporter@koho.example", role: "writer" },
    });
    expect(JSON.stringify(await lastAudit(db, "user.create"))).not.toContain("twelve-chars!");
  });

  it("refuses a second account with the same email (any case) as a conflict", async ({ db }) => {
    await signInAs(db, "admin");
    const before = await snapshot(db);
    const error = await failure(
      admin.createStaffMember({ email: "EDITOR@koho.example", name: "Impostor", role: "admin", password: "a-long-enough-password" }),
    );
    expect(error.code).toBe("conflict:user");
    expect(error.status).toBe(409);
    expect(error.details.fields).toMatchObject({ email: expect.any(String) });
    expect(await snapshot(db)).toEqual(before);
  });

  it("refuses a password shorter than 12 characters with a clear message", async ({ db }) => {
    await signInAs(db, "admin");
    const error = await failure(
      admin.createStaffMember({ email: "short@koho.example", name: "Short", role: "writer", password: "elevenchars" }),
    );
    expect(error.code).toBe("bad_request:user");
    expect(error.status).toBe(400);
    expect(error.message).toBe("password: Passwords need at least 12 characters");
    expect(error.details.fields).toEqual({ password: "Passwords need at least 12 characters" });
    expect(await db.select().from(users).where(eq(users.email, "short@koho.example"))).toEqual([]);
  });

  it("refuses a bad email, a blank name and an unknown role, naming each field", async ({ db }) => {
    await signInAs(db, "admin");
    const error = await failure(
      admin.createStaffMember({ email: "not-an-email", name: "  ", role: "owner", password: "a-long-enough-password" }),
    );
    expect(error.status).toBe(400);
    expect(Object.keys(error.details.fields as object).sort()).toEqual(["email", "name", "role"]);
  });

  // it.for, unlike it.each, hands the test its fixtures.
  it.for<[string, Record<string, unknown>]>([
    ["sessionVersion", { sessionVersion: 99 }],
    ["passwordHash", { passwordHash: "$argon2id$forged" }],
    ["active", { active: false }],
    ["id", { id: 1 }],
  ])("refuses mass assignment of %s on create, naming the field", async ([field, extra], { db }) => {
    await signInAs(db, "admin");
    const before = await snapshot(db);
    const error = await failure(
      admin.createStaffMember({
        email: `mass-${field}@koho.example`,
        name: "Mass",
        role: "writer",
        password: "a-long-enough-password",
        ...extra,
      }),
    );
    expect(error.code).toBe("bad_request:user");
    expect(error.status).toBe(400);
    expect(error.message).toContain(field);
    expect(error.details.fields).toMatchObject({ [field]: `“${field}” cannot be set here` });
    expect(await snapshot(db)).toEqual(before);
  });

  it("refuses extra fields on role changes, status changes and password resets", async ({ db }) => {
    await signInAs(db, "admin");
    const other = await target(db);
    const before = await snapshot(db);
    const attempts = [
      admin.changeStaffRole({ id: other.id, role: "editor", sessionVersion: 1 }),
      admin.setStaffMemberActive({ id: other.id, active: false, role: "admin" }),
      admin.resetStaffPassword({ id: other.id, password: "a-long-enough-password", passwordHash: "x" }),
    ];
    const errors = await Promise.all(attempts.map(failure));
    expect(errors.map((e) => e.status)).toEqual([400, 400, 400]);
    expect(errors.map((e) => Object.keys(e.details.fields as object))).toEqual([["sessionVersion"], ["role"], ["passwordHash"]]);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe("changing accounts ends the person's sessions", () => {
  it("changes a role, bumps the session version, refuses the old session and logs from/to", async ({ db }) => {
    const me = await signInAs(db, "admin");
    const person = await target(db, "writer");
    const updated = await admin.changeStaffRole({ id: person.id, role: "editor" });
    expect(updated.role).toBe("editor");
    const after = await account(db, person.email);
    expect(after.sessionVersion).toBe(person.sessionVersion + 1);
    expect(await lastAudit(db, "user.role_change")).toMatchObject({
      actorId: me.id,
      outcome: "ok",
      targetId: String(person.id),
      details: { from: "writer", to: "editor" },
    });

    actAs(person); // the cookie issued before the change
    expect(await currentUser.getCurrentUser()).toBeNull();
    actAs(after); // a fresh sign-in
    expect(await currentUser.getCurrentUser()).toMatchObject({ id: person.id, role: "editor" });
  });

  it("deactivates and reactivates, ending the old session each time", async ({ db }) => {
    await signInAs(db, "admin");
    const person = await target(db, "publisher");
    expect(await admin.setStaffMemberActive({ id: person.id, active: false })).toMatchObject({ active: false });
    const off = await account(db, person.email);
    expect(off.sessionVersion).toBe(person.sessionVersion + 1);
    expect(await lastAudit(db, "user.deactivate")).toMatchObject({ outcome: "ok", targetId: String(person.id) });
    actAs(person);
    expect(await currentUser.getCurrentUser()).toBeNull();
    actAs(off); // even with the new version, an inactive account has no session
    expect(await currentUser.getCurrentUser()).toBeNull();

    await signInAs(db, "admin");
    expect(await admin.setStaffMemberActive({ id: person.id, active: true })).toMatchObject({ active: true });
    const on = await account(db, person.email);
    expect(on.sessionVersion).toBe(off.sessionVersion + 1);
    expect(await lastAudit(db, "user.reactivate")).toMatchObject({ outcome: "ok", targetId: String(person.id) });
    actAs(off);
    expect(await currentUser.getCurrentUser()).toBeNull();
    actAs(on);
    expect(await currentUser.getCurrentUser()).toMatchObject({ id: person.id });
  });

  it("resets a password: the new one works, the old one and the old session do not", async ({ db }) => {
    await signInAs(db, "admin");
    const person = await target(db, "editor");
    await admin.resetStaffPassword({ id: person.id, password: "a-brand-new-passphrase" });
    const after = await account(db, person.email);
    expect(after.sessionVersion).toBe(person.sessionVersion + 1);
    expect(after.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(after.passwordHash!, "a-brand-new-passphrase")).toBe(true);
    expect(await verifyPassword(after.passwordHash!, KNOWN_PASSWORD)).toBe(false);
    const logged = await lastAudit(db, "user.password_reset");
    expect(logged).toMatchObject({ outcome: "ok", targetId: String(person.id) });
    expect(JSON.stringify(logged)).not.toContain("a-brand-new-passphrase");
    actAs(person);
    expect(await currentUser.getCurrentUser()).toBeNull();
  });

  it("refuses a short password on reset and leaves the account alone", async ({ db }) => {
    await signInAs(db, "admin");
    const person = await target(db);
    const error = await failure(admin.resetStaffPassword({ id: person.id, password: "short" }));
    expect(error.status).toBe(400);
    expect(error.message).toContain("at least 12 characters");
    expect(await account(db, person.email)).toEqual(person);
  });

  it("answers 404 for an account that does not exist", async ({ db }) => {
    await signInAs(db, "admin");
    const errors = await Promise.all(
      [
        admin.changeStaffRole({ id: 999_999, role: "editor" }),
        admin.setStaffMemberActive({ id: 999_999, active: false }),
        admin.resetStaffPassword({ id: 999_999, password: "a-long-enough-password" }),
      ].map(failure),
    );
    expect(errors.map((e) => e.code)).toEqual(["not_found:user", "not_found:user", "not_found:user"]);
  });

  it("leaves the session alone when nothing changes (same role, already active)", async ({ db }) => {
    await signInAs(db, "admin");
    const person = await target(db, "editor");
    await admin.changeStaffRole({ id: person.id, role: "editor" });
    await admin.setStaffMemberActive({ id: person.id, active: true });
    expect(await account(db, person.email)).toEqual(person);
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

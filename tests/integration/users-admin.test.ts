import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, users, type Role } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/password";
import { actAs } from "../support/session";
import { createTempDatabase } from "../support/temp-db";

let t: Awaited<ReturnType<typeof createTempDatabase>>;
let admin: typeof import("@/server/users");
let currentUser: typeof import("@/server/auth/current-user");
let knownHash: string;

const KNOWN_PASSWORD = "correct-horse-battery";

/** The account as the database holds it now: a session for it carries this session version. */
async function account(email: string) {
  const [row] = await t.db.select().from(users).where(eq(users.email, email));
  if (!row) throw new Error(`No account ${email}`);
  return row;
}
const demo = (role: Role) => account(`${role}@koho.example`);
async function signInAs(role: Role) {
  const row = await demo(role);
  actAs(row);
  return row;
}

/** A fresh account for one test, so no test depends on another's changes. */
async function target(role: Role = "writer") {
  const email = `staff-${randomUUID().slice(0, 8)}@koho.example`;
  const [row] = await t.db.insert(users).values({ email, name: `Temp ${role}`, role, passwordHash: knownHash }).returning();
  return row!;
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

async function lastAudit(action: string) {
  const [row] = await t.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).limit(1);
  return row;
}

const snapshot = () => t.db.select().from(users).orderBy(users.id);

beforeAll(async () => {
  t = await createTempDatabase({ demo: true });
  process.env.DATABASE_URL = t.url;
  admin = await import("@/server/users");
  currentUser = await import("@/server/auth/current-user");
  knownHash = await hashPassword(KNOWN_PASSWORD);
});
afterAll(() => t.cleanup());

describe("who may manage staff", () => {
  const calls: Record<string, (id: number) => Promise<unknown>> = {
    "user.list": () => admin.listStaffMembers(),
    "user.create": () => admin.createStaffMember({ email: "new-hire@koho.example", name: "New Hire", role: "admin", password: "a-long-enough-password" }),
    "user.role_change": (id) => admin.changeStaffRole({ id, role: "admin" }),
    "user.deactivate": (id) => admin.setStaffMemberActive({ id, active: false }),
    "user.reactivate": (id) => admin.setStaffMemberActive({ id, active: true }),
    "user.password_reset": (id) => admin.resetStaffPassword({ id, password: "a-long-enough-password" }),
  };

  for (const role of ["writer", "editor", "publisher"] as const) {
    it(`refuses a ${role} every users-admin call with 403, logs each denial and changes nothing`, async () => {
      const other = await target("editor");
      const before = await snapshot();
      for (const [action, call] of Object.entries(calls)) {
        const me = await signInAs(role);
        // Raising oneself is the obvious attempt: it must fail like any other.
        for (const id of [me.id, other.id]) {
          const error = await failure(call(id));
          expect(error.code, `${role} ${action}`).toBe("forbidden:user");
          expect(error.status).toBe(403);
          const denial = await lastAudit(action);
          expect(denial).toMatchObject({ actorId: me.id, actorLabel: me.email, outcome: "denied", details: { role } });
        }
      }
      expect(await snapshot()).toEqual(before);
    });
  }

  it("refuses an anonymous caller with 401 and changes nothing", async () => {
    const other = await target();
    const before = await snapshot();
    actAs(null);
    for (const [action, call] of Object.entries(calls)) {
      const error = await failure(call(other.id));
      expect(error.code, action).toBe("unauthorized:auth");
      expect(error.status).toBe(401);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a signed-in session whose account was deactivated meanwhile", async () => {
    const someone = await target("admin");
    actAs(someone);
    await t.db.update(users).set({ active: false }).where(eq(users.id, someone.id));
    expect((await failure(admin.listStaffMembers())).status).toBe(401);
  });

  it("lists staff for an administrator as plain records without hashes or session versions", async () => {
    await signInAs("admin");
    const list = await admin.listStaffMembers();
    expect(list.map((u) => u.email)).toEqual(expect.arrayContaining(["writer@koho.example", "admin@koho.example"]));
    for (const member of list) {
      expect(Object.keys(member).sort()).toEqual(["active", "createdAt", "email", "hasPassword", "id", "name", "role"]);
    }
    expect(JSON.stringify(list)).not.toContain("$argon2");
  });
});

describe("creating staff accounts", () => {
  it("creates an account with an Argon2id hash and logs it", async () => {
    const me = await signInAs("admin");
    const created = await admin.createStaffMember({ email: "  Hana.Reporter@Koho.example ", name: "Hana Reporter", role: "writer", password: "twelve-chars!" });
    expect(created).toMatchObject({ email: "hana.reporter@koho.example", name: "Hana Reporter", role: "writer", active: true, hasPassword: true });
    const row = await account("hana.reporter@koho.example");
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash!, "twelve-chars!")).toBe(true);
    expect(await lastAudit("user.create")).toMatchObject({
      actorId: me.id, outcome: "ok", targetType: "user", targetId: String(created.id), details: { email: "hana.reporter@koho.example", role: "writer" },
    });
    expect(JSON.stringify(await lastAudit("user.create"))).not.toContain("twelve-chars!");
  });

  it("refuses a second account with the same email (any case) as a conflict", async () => {
    await signInAs("admin");
    const before = await snapshot();
    const error = await failure(admin.createStaffMember({ email: "EDITOR@koho.example", name: "Impostor", role: "admin", password: "a-long-enough-password" }));
    expect(error.code).toBe("conflict:user");
    expect(error.status).toBe(409);
    expect(error.details.fields).toMatchObject({ email: expect.any(String) });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a password shorter than 12 characters with a clear message", async () => {
    await signInAs("admin");
    const error = await failure(admin.createStaffMember({ email: "short@koho.example", name: "Short", role: "writer", password: "elevenchars" }));
    expect(error.code).toBe("bad_request:user");
    expect(error.status).toBe(400);
    expect(error.message).toBe("password: Passwords need at least 12 characters");
    expect(error.details.fields).toEqual({ password: "Passwords need at least 12 characters" });
    expect(await t.db.select().from(users).where(eq(users.email, "short@koho.example"))).toEqual([]);
  });

  it("refuses a bad email, a blank name and an unknown role, naming each field", async () => {
    await signInAs("admin");
    const error = await failure(admin.createStaffMember({ email: "not-an-email", name: "  ", role: "owner", password: "a-long-enough-password" }));
    expect(error.status).toBe(400);
    expect(Object.keys(error.details.fields as object).sort()).toEqual(["email", "name", "role"]);
  });

  it.each([
    ["sessionVersion", { sessionVersion: 99 }],
    ["passwordHash", { passwordHash: "$argon2id$forged" }],
    ["active", { active: false }],
    ["id", { id: 1 }],
  ])("refuses mass assignment of %s on create, naming the field", async (field, extra) => {
    await signInAs("admin");
    const before = await snapshot();
    const error = await failure(admin.createStaffMember({ email: `mass-${field}@koho.example`, name: "Mass", role: "writer", password: "a-long-enough-password", ...extra }));
    expect(error.code).toBe("bad_request:user");
    expect(error.status).toBe(400);
    expect(error.message).toContain(field);
    expect(error.details.fields).toMatchObject({ [field]: `“${field}” cannot be set here` });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses extra fields on role changes, status changes and password resets", async () => {
    await signInAs("admin");
    const other = await target();
    const before = await snapshot();
    const attempts = [
      admin.changeStaffRole({ id: other.id, role: "editor", sessionVersion: 1 }),
      admin.setStaffMemberActive({ id: other.id, active: false, role: "admin" }),
      admin.resetStaffPassword({ id: other.id, password: "a-long-enough-password", passwordHash: "x" }),
    ];
    const errors = await Promise.all(attempts.map(failure));
    expect(errors.map((e) => e.status)).toEqual([400, 400, 400]);
    expect(errors.map((e) => Object.keys(e.details.fields as object))).toEqual([["sessionVersion"], ["role"], ["passwordHash"]]);
    expect(await snapshot()).toEqual(before);
  });
});

describe("changing accounts ends the person's sessions", () => {
  it("changes a role, bumps the session version, refuses the old session and logs from/to", async () => {
    const me = await signInAs("admin");
    const person = await target("writer");
    const updated = await admin.changeStaffRole({ id: person.id, role: "editor" });
    expect(updated.role).toBe("editor");
    const after = await account(person.email);
    expect(after.sessionVersion).toBe(person.sessionVersion + 1);
    expect(await lastAudit("user.role_change")).toMatchObject({
      actorId: me.id, outcome: "ok", targetId: String(person.id), details: { from: "writer", to: "editor" },
    });

    actAs(person); // the cookie issued before the change
    expect(await currentUser.getCurrentUser()).toBeNull();
    actAs(after); // a fresh sign-in
    expect(await currentUser.getCurrentUser()).toMatchObject({ id: person.id, role: "editor" });
  });

  it("deactivates and reactivates, ending the old session each time", async () => {
    await signInAs("admin");
    const person = await target("publisher");
    expect(await admin.setStaffMemberActive({ id: person.id, active: false })).toMatchObject({ active: false });
    const off = await account(person.email);
    expect(off.sessionVersion).toBe(person.sessionVersion + 1);
    expect(await lastAudit("user.deactivate")).toMatchObject({ outcome: "ok", targetId: String(person.id) });
    actAs(person);
    expect(await currentUser.getCurrentUser()).toBeNull();
    actAs(off); // even with the new version, an inactive account has no session
    expect(await currentUser.getCurrentUser()).toBeNull();

    await signInAs("admin");
    expect(await admin.setStaffMemberActive({ id: person.id, active: true })).toMatchObject({ active: true });
    const on = await account(person.email);
    expect(on.sessionVersion).toBe(off.sessionVersion + 1);
    expect(await lastAudit("user.reactivate")).toMatchObject({ outcome: "ok", targetId: String(person.id) });
    actAs(off);
    expect(await currentUser.getCurrentUser()).toBeNull();
    actAs(on);
    expect(await currentUser.getCurrentUser()).toMatchObject({ id: person.id });
  });

  it("resets a password: the new one works, the old one and the old session do not", async () => {
    await signInAs("admin");
    const person = await target("editor");
    await admin.resetStaffPassword({ id: person.id, password: "a-brand-new-passphrase" });
    const after = await account(person.email);
    expect(after.sessionVersion).toBe(person.sessionVersion + 1);
    expect(after.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(after.passwordHash!, "a-brand-new-passphrase")).toBe(true);
    expect(await verifyPassword(after.passwordHash!, KNOWN_PASSWORD)).toBe(false);
    const logged = await lastAudit("user.password_reset");
    expect(logged).toMatchObject({ outcome: "ok", targetId: String(person.id) });
    expect(JSON.stringify(logged)).not.toContain("a-brand-new-passphrase");
    actAs(person);
    expect(await currentUser.getCurrentUser()).toBeNull();
  });

  it("refuses a short password on reset and leaves the account alone", async () => {
    await signInAs("admin");
    const person = await target();
    const error = await failure(admin.resetStaffPassword({ id: person.id, password: "short" }));
    expect(error.status).toBe(400);
    expect(error.message).toContain("at least 12 characters");
    expect(await account(person.email)).toEqual(person);
  });

  it("answers 404 for an account that does not exist", async () => {
    await signInAs("admin");
    const errors = await Promise.all(
      [admin.changeStaffRole({ id: 999_999, role: "editor" }), admin.setStaffMemberActive({ id: 999_999, active: false }), admin.resetStaffPassword({ id: 999_999, password: "a-long-enough-password" })].map(failure),
    );
    expect(errors.map((e) => e.code)).toEqual(["not_found:user", "not_found:user", "not_found:user"]);
  });

  it("leaves the session alone when nothing changes (same role, already active)", async () => {
    await signInAs("admin");
    const person = await target("editor");
    await admin.changeStaffRole({ id: person.id, role: "editor" });
    await admin.setStaffMemberActive({ id: person.id, active: true });
    expect(await account(person.email)).toEqual(person);
  });
});

describe("administrators and their own account", () => {
  it("cannot change their own role or deactivate themselves; each attempt is logged as denied", async () => {
    const me = await signInAs("admin");
    for (const [action, attempt] of [
      ["user.role_change", () => admin.changeStaffRole({ id: me.id, role: "writer" })],
      ["user.deactivate", () => admin.setStaffMemberActive({ id: me.id, active: false })],
      ["user.reactivate", () => admin.setStaffMemberActive({ id: me.id, active: true })],
    ] as const) {
      const error = await failure(attempt());
      expect(error.code, action).toBe("forbidden:user");
      expect(error.status).toBe(403);
      const [denial] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, action), eq(auditLog.outcome, "denied"), eq(auditLog.actorId, me.id)))
        .orderBy(desc(auditLog.id))
        .limit(1);
      expect(denial).toMatchObject({ targetType: "user", targetId: String(me.id) });
    }
    expect(await demo("admin")).toEqual(me);
    expect(await currentUser.getCurrentUser()).toMatchObject({ id: me.id, role: "admin" });
  });

  it("another administrator can change an administrator's role", async () => {
    const second = await target("admin");
    actAs(second);
    const first = await demo("admin");
    await admin.changeStaffRole({ id: first.id, role: "publisher" });
    expect((await demo("admin")).role).toBe("publisher");
    await t.db.update(users).set({ role: "admin" }).where(eq(users.id, first.id)); // put the demo admin back for other tests
  });
});

import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { users } from "@/db/schema";
import { verifyPassword } from "@/lib/password";
import * as admin from "@/server/users";
import { failure } from "../support/failure";
import { integrationTest } from "../support/fixtures";
import { account, lastAudit, signInAs, snapshot, target } from "./users-fixtures";

const it = integrationTest();

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

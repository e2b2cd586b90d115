import { describe, expect } from "vitest";
import { verifyPassword } from "@/lib/password";
import * as currentUser from "@/server/auth/current-user";
import * as admin from "@/server/users";
import { failure } from "../support/failure";
import { integrationTest } from "../support/fixtures";
import { actAs } from "../support/session";
import { KNOWN_PASSWORD, account, lastAudit, signInAs, target } from "./users-fixtures";

const it = integrationTest();

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

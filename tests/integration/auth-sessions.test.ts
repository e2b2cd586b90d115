import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { users } from "@/db/schema";
import * as sessions from "@/server/auth/sessions";
import { integrationTest } from "../support/fixtures";

const it = integrationTest();

/**
 * The server side of a session cookie (issue 14): signing out ends that one
 * session only, and every session ends 12 hours after sign-in however much
 * it is used. The full cookie round trip is tests/e2e/auth-sessions.e2e.ts.
 */
let userId: number;
const HOUR = 60 * 60 * 1000;

it.beforeAll(async ({ db }) => {
  const [editor] = await db.select().from(users).where(eq(users.email, "editor@koho.example"));
  userId = editor!.id;
});

describe("server-side sessions", () => {
  it("revoking one session leaves the person's other sessions working", async ({ db }) => {
    const laptop = await sessions.startSession(db, { userId });
    const phone = await sessions.startSession(db, { userId });
    await sessions.revokeSession(db, { sid: laptop.sid });
    expect(await sessions.isSessionLive(db, { sid: laptop.sid, userId })).toBe(false);
    expect(await sessions.isSessionLive(db, { sid: phone.sid, userId })).toBe(true);
  });

  it("ends 12 hours after sign-in, however recently it was used", async ({ db }) => {
    const signedInAt = new Date("2026-04-01T08:00:00Z");
    const { sid } = await sessions.startSession(db, { userId, now: signedInAt });
    const at = (hours: number) => new Date(signedInAt.getTime() + hours * HOUR);
    expect(await sessions.isSessionLive(db, { sid, userId, now: at(11.99) })).toBe(true);
    expect(await sessions.isSessionLive(db, { sid, userId, now: at(12) })).toBe(false);
  });

  it("refuses a token whose claims are missing, past their end, or name another account", async () => {
    const { sid, sexp } = await sessions.openSession(userId);
    expect(await sessions.isTokenSessionLive({ uid: userId, sid, sexp })).toBe(true);
    expect(await sessions.isTokenSessionLive({ uid: userId, sid, sexp: Date.now() - 1 })).toBe(false);
    expect(await sessions.isTokenSessionLive({ uid: userId + 1, sid, sexp })).toBe(false);
    expect(await sessions.isTokenSessionLive({ uid: userId, sexp })).toBe(false);
    // A token from before server-side sessions existed carries no id: it is no session.
    expect(await sessions.isTokenSessionLive({ uid: userId, sv: 1 })).toBe(false);
  });

  it("closing the session of a signed-out token revokes it", async () => {
    const { sid, sexp } = await sessions.openSession(userId);
    await sessions.closeSession({ uid: userId, sid, sexp });
    expect(await sessions.isTokenSessionLive({ uid: userId, sid, sexp })).toBe(false);
  });
});

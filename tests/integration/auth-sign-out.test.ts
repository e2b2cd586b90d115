import { and, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import type { Database } from "@/db/client";
import { auditLog } from "@/db/schema";
import * as sessions from "@/server/auth/sessions";
import * as signOut from "@/server/auth/sign-out";
import { integrationTest } from "../support/fixtures";

/**
 * Signing out writes one auth.sign_out entry however it is done: the studio's
 * button and a plain POST /api/auth/signout both reach Auth.js's signOut
 * event, which is exactly the `authEvents.signOut` called here.
 */
const it = integrationTest();

const signOuts = (db: Database, editorId: number) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "auth.sign_out"), eq(auditLog.actorId, editorId)));

describe("signing out", () => {
  it("revokes the cookie's session and writes one auth.sign_out entry naming the person", async ({ db, staff }) => {
    const editor = staff.editor;
    const claims = await sessions.openSession(editor.id);
    const token = { uid: editor.id, sv: editor.sessionVersion, ...claims };
    const before = (await signOuts(db, editor.id)).length;
    await signOut.authEvents.signOut!({ token } as never);
    expect(await sessions.isTokenSessionLive(token)).toBe(false);
    const entries = await signOuts(db, editor.id);
    expect(entries).toHaveLength(before + 1);
    expect(entries.at(-1)).toMatchObject({ actorLabel: "editor@koho.example", outcome: "ok" });
  });

  it("writes nothing for a copy of a cookie whose session already ended, or a token without a session", async ({ db, staff }) => {
    const editor = staff.editor;
    const claims = await sessions.openSession(editor.id);
    const token = { uid: editor.id, sv: editor.sessionVersion, ...claims };
    await signOut.authEvents.signOut!({ token } as never);
    const before = (await signOuts(db, editor.id)).length;
    await signOut.authEvents.signOut!({ token } as never);
    await signOut.authEvents.signOut!({ token: { uid: editor.id, sv: 1 } } as never);
    await signOut.authEvents.signOut!({ session: null } as never);
    expect(await signOuts(db, editor.id)).toHaveLength(before);
  });
});

import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, users } from "@/db/schema";
import { createTempDatabase } from "../support/temp-db";

/**
 * Signing out writes one auth.sign_out entry however it is done: the studio's
 * button and a plain POST /api/auth/signout both reach Auth.js's signOut
 * event, which is exactly the `authEvents.signOut` called here.
 */
let t: Awaited<ReturnType<typeof createTempDatabase>>;
let sessions: typeof import("@/server/auth/sessions");
let signOut: typeof import("@/server/auth/sign-out");
let editor: typeof users.$inferSelect;

beforeAll(async () => {
  t = await createTempDatabase({ demo: true });
  process.env.DATABASE_URL = t.url;
  sessions = await import("@/server/auth/sessions");
  signOut = await import("@/server/auth/sign-out");
  [editor] = (await t.db.select().from(users).where(eq(users.email, "editor@koho.example"))) as [typeof users.$inferSelect];
});
afterAll(() => t.cleanup());

const signOuts = () =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "auth.sign_out"), eq(auditLog.actorId, editor.id)));

describe("signing out", () => {
  it("revokes the cookie's session and writes one auth.sign_out entry naming the person", async () => {
    const claims = await sessions.openSession(editor.id);
    const token = { uid: editor.id, sv: editor.sessionVersion, ...claims };
    const before = (await signOuts()).length;
    await signOut.authEvents.signOut!({ token } as never);
    expect(await sessions.isTokenSessionLive(token)).toBe(false);
    const entries = await signOuts();
    expect(entries).toHaveLength(before + 1);
    expect(entries.at(-1)).toMatchObject({ actorLabel: "editor@koho.example", outcome: "ok" });
  });

  it("writes nothing for a copy of a cookie whose session already ended, or a token without a session", async () => {
    const claims = await sessions.openSession(editor.id);
    const token = { uid: editor.id, sv: editor.sessionVersion, ...claims };
    await signOut.authEvents.signOut!({ token } as never);
    const before = (await signOuts()).length;
    await signOut.authEvents.signOut!({ token } as never);
    await signOut.authEvents.signOut!({ token: { uid: editor.id, sv: 1 } } as never);
    await signOut.authEvents.signOut!({ session: null } as never);
    expect(await signOuts()).toHaveLength(before);
  });
});

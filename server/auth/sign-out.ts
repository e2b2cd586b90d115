import "server-only";
import type { NextAuthConfig } from "next-auth";
import { users } from "@/db/schema";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit";
import { getDatabase } from "../db";
import { revokeSession } from "./sessions";

/**
 * Sign-out, wherever it comes from: the studio's button (signOut() in a
 * server action) and a plain POST /api/auth/signout both reach Auth.js's
 * signOut event with the cookie's token. The session row is revoked and the
 * auth.sign_out entry written in one transaction, once: signing out with a
 * copy of an already-ended cookie writes nothing.
 */
export async function signOutSession(token: Record<string, unknown> | null | undefined): Promise<void> {
  const db = await getDatabase();
  await db.transaction(async (tx) => {
    const userId = await revokeSession(tx, { sid: token?.sid });
    if (userId === null) return;
    const [account] = await tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, userId));
    await recordAudit(tx, { actor: account ?? null, actorLabel: `account ${userId}`, action: "auth.sign_out", outcome: "ok" });
  });
}

/** Auth.js's events, as auth.ts wires them (here so a test can call exactly what runs). */
export const authEvents: NonNullable<NextAuthConfig["events"]> = {
  async signOut(message) {
    if ("token" in message) await signOutSession(message.token);
  },
};

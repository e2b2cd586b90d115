import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import type { Database } from "@/db/client";
import { authSessions } from "@/db/schema";
import { getDatabase } from "../db";

/**
 * Server-side sessions behind the JWT cookie. The cookie alone cannot end a
 * session: a copy keeps working until it expires. So each sign-in gets a
 * random id, carried in the JWT and kept here; signing out revokes that row
 * (only that one, not the person's other devices), and every read of the
 * session checks it.
 */

/** A session ends this long after sign-in, however much it is used (the cookie's own 8 h renew with use). */
export const SESSION_ABSOLUTE_MAX_AGE_MS = 12 * 60 * 60 * 1000;

const hashOf = (sid: string) => createHash("sha256").update(sid).digest("hex");

export async function startSession(db: Database, { userId, now = new Date() }: { userId: number; now?: Date }) {
  const sid = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MAX_AGE_MS);
  await db.insert(authSessions).values({ idHash: hashOf(sid), userId, createdAt: now, expiresAt });
  return { sid, expiresAt };
}

/** True while the session exists, belongs to this account, is not revoked and has not reached its absolute end. */
export async function isSessionLive(db: Database, { sid, userId, now = new Date() }: { sid: unknown; userId: unknown; now?: Date }) {
  if (typeof sid !== "string" || typeof userId !== "number") return false;
  const [row] = await db
    .select({ idHash: authSessions.idHash })
    .from(authSessions)
    .where(
      and(
        eq(authSessions.idHash, hashOf(sid)),
        eq(authSessions.userId, userId),
        isNull(authSessions.revokedAt),
        gt(authSessions.expiresAt, now),
      ),
    );
  return row !== undefined;
}

/**
 * Ends one session at once; other sessions of the same person are untouched.
 * Resolves to the account whose live session this ended, or null (unknown
 * or already revoked: a replayed sign-out changes nothing).
 */
export async function revokeSession(
  db: Pick<Database, "update">,
  { sid, now = new Date() }: { sid: unknown; now?: Date },
): Promise<number | null> {
  if (typeof sid !== "string") return null;
  const [row] = await db
    .update(authSessions)
    .set({ revokedAt: now })
    .where(and(eq(authSessions.idHash, hashOf(sid)), isNull(authSessions.revokedAt)))
    .returning({ userId: authSessions.userId });
  return row?.userId ?? null;
}

/** Expired rows can never be used again (an unknown id is refused like a revoked one). */
export async function pruneExpiredSessions(db: Pick<Database, "delete">, now = new Date()) {
  await db.delete(authSessions).where(lt(authSessions.expiresAt, now));
}

/** What the JWT carries about its server-side session: the id and the absolute end (epoch ms). */
export type SessionClaims = { sid: string; sexp: number };

/** At sign-in: a new session row for the account, and the claims to put in its JWT. */
export async function openSession(userId: number): Promise<SessionClaims> {
  const { sid, expiresAt } = await startSession(await getDatabase(), { userId });
  return { sid, sexp: expiresAt.getTime() };
}

/** On every read of a session cookie: a token past its absolute end, or whose row is gone or revoked, is no session. */
export async function isTokenSessionLive(token: Record<string, unknown>, now = new Date()) {
  if (typeof token.sexp !== "number" || token.sexp <= now.getTime()) return false;
  return isSessionLive(await getDatabase(), { sid: token.sid, userId: token.uid, now });
}

/** At sign-out: ends the session of this cookie on the server, so a copy of it stops working too. */
export async function closeSession(token: Record<string, unknown> | null | undefined) {
  await revokeSession(await getDatabase(), { sid: token?.sid });
}

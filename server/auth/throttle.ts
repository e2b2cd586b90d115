import "server-only";
import { inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { loginThrottle } from "@/db/schema";

/**
 * Failed sign-ins are counted per account and per address in the database,
 * so a restart does not reset them. Past the limit within the window, further
 * attempts are refused (HTTP 429) until the lock runs out.
 */
export const THROTTLE_POLICY = {
  account: { limit: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  address: { limit: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
} as const;

export function throttleKeys(email: string, ip: string | null) {
  return { account: `account:${email.toLowerCase()}`, address: ip ? `address:${ip}` : null };
}

/** The latest lock in force on any of the keys, or null. */
export async function activeLock(db: Database, keys: string[], now = new Date()): Promise<Date | null> {
  if (keys.length === 0) return null;
  const rows = await db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys));
  const locks = rows.map((r) => r.lockedUntil).filter((d): d is Date => !!d && d > now);
  return locks.length ? new Date(Math.max(...locks.map((d) => d.getTime()))) : null;
}

async function countFailure(db: Database, key: string, policy: { limit: number; windowMs: number; lockMs: number }, now: Date) {
  const windowStart = new Date(now.getTime() - policy.windowMs);
  // One statement: start a new window when the old one has passed, else add one; lock at the limit.
  await db
    .insert(loginThrottle)
    .values({ key, failures: 1, windowStartedAt: now, lockedUntil: policy.limit <= 1 ? new Date(now.getTime() + policy.lockMs) : null })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`CASE WHEN ${loginThrottle.windowStartedAt} < ${windowStart.getTime()} THEN 1 ELSE ${loginThrottle.failures} + 1 END`,
        windowStartedAt: sql`CASE WHEN ${loginThrottle.windowStartedAt} < ${windowStart.getTime()} THEN ${now.getTime()} ELSE ${loginThrottle.windowStartedAt} END`,
        lockedUntil: sql`CASE WHEN (CASE WHEN ${loginThrottle.windowStartedAt} < ${windowStart.getTime()} THEN 1 ELSE ${loginThrottle.failures} + 1 END) >= ${policy.limit} THEN ${now.getTime() + policy.lockMs} ELSE ${loginThrottle.lockedUntil} END`,
      },
    });
}

export async function recordFailedSignIn(db: Database, email: string, ip: string | null, now = new Date()) {
  const keys = throttleKeys(email, ip);
  await countFailure(db, keys.account, THROTTLE_POLICY.account, now);
  if (keys.address) await countFailure(db, keys.address, THROTTLE_POLICY.address, now);
}

export async function clearAccountThrottle(db: Database, email: string) {
  await db.delete(loginThrottle).where(inArray(loginThrottle.key, [throttleKeys(email, null).account]));
}

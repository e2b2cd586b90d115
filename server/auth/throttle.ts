import "server-only";
import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { loginThrottle } from "@/db/schema";

/**
 * Failed sign-ins, counted in the database so a restart does not reset them,
 * under three keys. None of them lets an attacker somewhere else lock the
 * real person out with a handful of wrong passwords:
 *
 * - pair (account + address): a few free mistakes, then each failure locks
 *   that pair for a delay that doubles, up to a cap. Answered as 429 with
 *   Retry-After. The real person signs in from their own address untouched.
 * - address (any account): one address guessing across many accounts.
 * - account (any address): a high hourly ceiling on guessing spread over many
 *   addresses. Reaching it locks the account until the hour is out and is
 *   written to the audit log, so administrators hear about it.
 *
 * Rows live at most `RETENTION_MS` after the failure that opened them.
 */
export const THROTTLE_POLICY = {
  pair: { free: 4, baseDelayMs: 60_000, maxDelayMs: 15 * 60_000, windowMs: 24 * 60 * 60_000 },
  address: { limit: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  account: { limit: 100, windowMs: 60 * 60_000 },
} as const;

/** The longest window of any key: older rows count nothing and are pruned. */
export const THROTTLE_RETENTION_MS = THROTTLE_POLICY.pair.windowMs;

/**
 * The unit an address is counted by. One IPv6 subscriber usually holds a
 * whole /64 and could take a fresh address for every guess, so IPv6 counts
 * by its /64 prefix; IPv4 by the address.
 */
export function addressBucket(ip: string): string {
  if (!ip.includes(":")) return ip;
  const [head = "", tail = ""] = ip.toLowerCase().split("::");
  const groups = (part: string) => (part ? part.split(":") : []);
  const left = groups(head);
  const right = ip.includes("::") ? groups(tail) : [];
  const full = ip.includes("::") ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right] : left;
  return `${full
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

export function throttleKeys(email: string, ip: string | null) {
  const account = email.trim().toLowerCase();
  const bucket = ip ? addressBucket(ip) : "unknown";
  return { pair: `pair:${account}|${bucket}`, account: `account:${account}`, address: ip ? `address:${bucket}` : null };
}

/** How long the pair stays locked after its nth failure: nothing for the free ones, then 1, 2, 4 … minutes up to the cap. */
export function pairDelayMs(failures: number): number {
  const { free, baseDelayMs, maxDelayMs } = THROTTLE_POLICY.pair;
  if (failures <= free) return 0;
  return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(failures - free - 1, 30));
}

/** The latest lock in force on any of the keys, or null. */
export async function activeLock(db: Database, keys: string[], now = new Date()): Promise<Date | null> {
  if (keys.length === 0) return null;
  const rows = await db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys));
  const locks = rows.map((r) => r.lockedUntil).filter((d): d is Date => !!d && d > now);
  return locks.length ? new Date(Math.max(...locks.map((d) => d.getTime()))) : null;
}

/**
 * One statement, so concurrent events are all counted: a new window once the old one has passed,
 * else one more. Failed sign-ins here; the subscribe form's requests (server/subscriptions/subscribe-limits.ts) too.
 */
export async function countInWindow(
  db: Database | Transaction,
  key: string,
  windowMs: number,
  now: Date,
): Promise<{ failures: number; windowStartedAt: Date }> {
  const stale = sql`${loginThrottle.windowStartedAt} < ${now.getTime() - windowMs}`;
  const [row] = await db
    .insert(loginThrottle)
    .values({ key, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`CASE WHEN ${stale} THEN 1 ELSE ${loginThrottle.failures} + 1 END`,
        windowStartedAt: sql`CASE WHEN ${stale} THEN ${now.getTime()} ELSE ${loginThrottle.windowStartedAt} END`,
        lockedUntil: sql`CASE WHEN ${stale} THEN NULL ELSE ${loginThrottle.lockedUntil} END`,
      },
    })
    .returning({ failures: loginThrottle.failures, windowStartedAt: loginThrottle.windowStartedAt });
  return row!;
}

/** Locks never shorten: a later, shorter lock leaves a longer one in place. */
async function lockUntil(db: Database, key: string, until: Date) {
  await db
    .update(loginThrottle)
    .set({ lockedUntil: sql`max(coalesce(${loginThrottle.lockedUntil}, 0), ${until.getTime()})` })
    .where(eq(loginThrottle.key, key));
}

/** Counts one failure under every key; says whether this one took the account to its ceiling (announce it once). */
export async function recordFailedSignIn(db: Database, email: string, ip: string | null, now = new Date()) {
  const keys = throttleKeys(email, ip);
  const { pair, address, account } = THROTTLE_POLICY;

  const pairCount = await countInWindow(db, keys.pair, pair.windowMs, now);
  const delay = pairDelayMs(pairCount.failures);
  if (delay > 0) await lockUntil(db, keys.pair, new Date(now.getTime() + delay));

  if (keys.address) {
    const addressCount = await countInWindow(db, keys.address, address.windowMs, now);
    if (addressCount.failures >= address.limit) await lockUntil(db, keys.address, new Date(now.getTime() + address.lockMs));
  }

  const accountCount = await countInWindow(db, keys.account, account.windowMs, now);
  if (accountCount.failures >= account.limit) {
    await lockUntil(db, keys.account, new Date(accountCount.windowStartedAt.getTime() + account.windowMs));
  }
  return { accountLimitReached: accountCount.failures === account.limit, accountFailures: accountCount.failures };
}

/** A correct password clears that pair's mistakes; the account's and address's counts stand (they measure attacks). */
export async function clearPairThrottle(db: Database, email: string, ip: string | null) {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, throttleKeys(email, ip).pair));
}

/** Rows whose window has passed and whose lock has run out count for nothing any more. */
export async function pruneThrottle(db: Pick<Database, "delete">, now = new Date()) {
  await db
    .delete(loginThrottle)
    .where(
      and(
        lt(loginThrottle.windowStartedAt, new Date(now.getTime() - THROTTLE_RETENTION_MS)),
        or(isNull(loginThrottle.lockedUntil), lt(loginThrottle.lockedUntil, now)),
      ),
    );
}

import "server-only";
import { inArray } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { loginThrottle } from "@/db/schema";
import { addressBucket, countInWindow } from "@/server/auth/throttle";

/**
 * How often the subscribe form may be used, so it cannot bomb someone's inbox: per e-mail
 * address (each accepted request may send a confirmation) and per client (one visitor
 * trying many addresses). Counted in the sign-in throttle's table, under keys of their own,
 * so a restart resets nothing and the retention pruning there (24 h) covers these rows too.
 * Every accepted request counts for its address whether or not a mail goes out (an address
 * already confirmed gets none), so the limit answers the same for every address and the form
 * cannot tell anyone who is subscribed.
 */
export const SUBSCRIBE_LIMITS = {
  address: { limit: 3, windowMs: 24 * 60 * 60_000 },
  client: { limit: 20, windowMs: 60 * 60_000 },
} as const;

export function subscribeLimitKeys(email: string, ip: string | null) {
  return { address: `subscribe:address:${email}`, client: ip ? `subscribe:client:${addressBucket(ip)}` : null };
}

export type LimitReached = { scope: "address" | "client"; retryAfterSeconds: number };

/** The first limit this request would pass, or null; reads only. */
export async function subscribeLimitReached(
  tx: Transaction,
  keys: { address: string; client: string | null },
  now: Date,
): Promise<LimitReached | null> {
  const wanted = [keys.client, keys.address].filter((k): k is string => k !== null);
  const rows = await tx.select().from(loginThrottle).where(inArray(loginThrottle.key, wanted));
  for (const scope of ["client", "address"] as const) {
    const row = rows.find((r) => r.key === keys[scope]);
    const { limit, windowMs } = SUBSCRIBE_LIMITS[scope];
    if (!row) continue;
    const endsAt = row.windowStartedAt.getTime() + windowMs;
    if (endsAt > now.getTime() && row.failures >= limit) {
      return { scope, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)) };
    }
  }
  return null;
}

/** One more request under each key: a fresh window once the old one has passed. */
export async function countSubscribeRequest(tx: Transaction, keys: { address: string; client: string | null }, now: Date) {
  for (const scope of ["address", "client"] as const) {
    const key = keys[scope];
    if (key) await countInWindow(tx, key, SUBSCRIBE_LIMITS[scope].windowMs, now);
  }
}

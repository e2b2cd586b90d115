import "server-only";
import { hashPassword, verifyPassword } from "@/lib/password";
import { AppError } from "@/lib/errors";
import type { Role } from "@/db/schema";
import { recordAudit } from "../audit";
import { getDatabase } from "../db";
import { pruneOpportunistically } from "./retention";
import { activeLock, clearPairThrottle, recordFailedSignIn, THROTTLE_POLICY, throttleKeys } from "./throttle";

export type SignedInUser = { id: number; email: string; name: string; role: Role; sessionVersion: number };

export const GENERIC_SIGN_IN_ERROR = "That email and password do not match a staff account.";

// Verifying against a real hash when the email is unknown keeps both answers equally slow.
let decoyHash: Promise<string> | undefined;

export function lockMessage(until: Date, now = new Date()) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** Throws rate_limited:auth (429 with Retry-After) while this account-and-address, the address or the whole account is held back. */
export async function assertNotThrottled(email: string, ip: string | null) {
  const db = await getDatabase();
  const keys = throttleKeys(email, ip);
  const until = await activeLock(db, [keys.pair, keys.account, ...(keys.address ? [keys.address] : [])]);
  if (until) {
    await recordAudit(db, {
      actor: null,
      actorLabel: email,
      action: "auth.sign_in",
      outcome: "denied",
      ip,
      details: { reason: "rate_limited" },
    });
    throw new AppError("rate_limited:auth", lockMessage(until), { retryAfterSeconds: Math.ceil((until.getTime() - Date.now()) / 1000) });
  }
}

/**
 * Email + password sign-in: the same message for an unknown email and a wrong
 * password, failures counted in the database, every outcome in the audit log.
 */
export async function authenticateWithPassword(input: { email: string; password: string; ip: string | null }): Promise<SignedInUser> {
  const email = input.email.trim().toLowerCase();
  await assertNotThrottled(email, input.ip);
  const db = await getDatabase();
  const user = await db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, email) });
  decoyHash ??= hashPassword("decoy-password-for-timing");
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash), input.password);
  if (!user || !ok || !user.active) {
    const { accountLimitReached } = await recordFailedSignIn(db, email, input.ip);
    // Guessing from many addresses at once: administrators see it in the audit log, once per window.
    if (accountLimitReached) {
      await recordAudit(db, {
        actor: user ? { id: user.id, email: user.email } : null,
        actorLabel: email,
        action: "auth.account_throttled",
        outcome: "denied",
        ip: input.ip,
        details: { failures: THROTTLE_POLICY.account.limit, windowMinutes: THROTTLE_POLICY.account.windowMs / 60_000 },
      });
    }
    await pruneOpportunistically(db);
    await recordAudit(db, {
      actor: user ? { id: user.id, email: user.email } : null,
      actorLabel: email,
      action: "auth.sign_in",
      outcome: "failed",
      ip: input.ip,
      details: { reason: !user ? "unknown_email" : !ok ? "wrong_password" : "deactivated" },
    });
    throw new AppError("unauthorized:auth", GENERIC_SIGN_IN_ERROR);
  }
  await clearPairThrottle(db, email, input.ip);
  await pruneOpportunistically(db);
  await recordAudit(db, {
    actor: { id: user.id, email: user.email },
    action: "auth.sign_in",
    outcome: "ok",
    ip: input.ip,
    details: { method: "password" },
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}

/** Single sign-on: the identity provider vouched for the email; it must belong to an active staff account. */
export async function authenticateWithOidc(input: {
  email: string | null | undefined;
  emailVerified: boolean;
  ip: string | null;
}): Promise<SignedInUser | null> {
  const db = await getDatabase();
  const email = input.email?.trim().toLowerCase();
  const user = email ? await db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, email) }) : undefined;
  if (!email || !input.emailVerified || !user || !user.active) {
    await recordAudit(db, {
      actor: user ? { id: user.id, email: user.email } : null,
      actorLabel: email ?? "unknown",
      action: "auth.sign_in",
      outcome: "failed",
      ip: input.ip,
      details: {
        method: "oidc",
        reason: !email ? "no_email" : !input.emailVerified ? "email_not_verified" : !user ? "no_staff_account" : "deactivated",
      },
    });
    return null;
  }
  await recordAudit(db, {
    actor: { id: user.id, email: user.email },
    action: "auth.sign_in",
    outcome: "ok",
    ip: input.ip,
    details: { method: "oidc" },
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}

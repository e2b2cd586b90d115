import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/env";

/**
 * The tokens in subscriber links: `<id>.<mac>` to manage or unsubscribe, `<id>.<expiry>.<mac>`
 * to confirm. The MAC is keyed with the server's secret and the subscriber's own random salt,
 * so nothing stored lets anyone make a link, a new subscription for the same address gets new
 * links, and deleting the row (unsubscribing) kills every link it ever had.
 */
export type TokenPurpose = "manage" | "confirm";

export const CONFIRM_LINK_LIFETIME_MS = 7 * 24 * 60 * 60_000;

export function newTokenSalt(): string {
  return randomBytes(18).toString("base64url");
}

function mac(purpose: TokenPurpose, id: number, salt: string, extra = ""): string {
  return createHmac("sha256", authSecret()).update(`koho-subscriber:${purpose}:${id}:${salt}:${extra}`).digest("base64url");
}

export function manageToken(subscriber: { id: number; tokenSalt: string }): string {
  return `${subscriber.id}.${mac("manage", subscriber.id, subscriber.tokenSalt)}`;
}

export function confirmToken(subscriber: { id: number; tokenSalt: string }, expiresAt: Date): string {
  const expiry = expiresAt.getTime().toString(36);
  return `${subscriber.id}.${expiry}.${mac("confirm", subscriber.id, subscriber.tokenSalt, expiry)}`;
}

/** The subscriber id a token names, before its MAC is checked against that row's salt. */
export function tokenSubscriberId(token: string): number | null {
  const match = /^([1-9]\d{0,15})\.(?:([0-9a-z]{1,12})\.)?[A-Za-z0-9_-]{43}$/.exec(token);
  return match ? Number(match[1]) : null;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function isManageToken(token: string, subscriber: { id: number; tokenSalt: string }): boolean {
  return same(token, manageToken(subscriber));
}

/** "valid", or why a confirmation link no longer works. */
export function checkConfirmToken(
  token: string,
  subscriber: { id: number; tokenSalt: string },
  now: Date,
): "valid" | "expired" | "invalid" {
  const [, expiry = ""] = token.split(".");
  if (!/^[0-9a-z]{1,12}$/.test(expiry)) return "invalid";
  if (!same(token, `${subscriber.id}.${expiry}.${mac("confirm", subscriber.id, subscriber.tokenSalt, expiry)}`)) return "invalid";
  return parseInt(expiry, 36) < now.getTime() ? "expired" : "valid";
}

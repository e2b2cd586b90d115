import "server-only";
import { and, eq } from "drizzle-orm";
import { keptMessages, subscriberCategories, type SubscriberRow, subscribers } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { messagesFor } from "@/lib/i18n";
import { inputShapeProblem } from "@/lib/input-shape";
import { preferencesSchema, subscriptionProblems, type SubscriptionPreferences } from "@/lib/subscription-input";
import { getDatabase } from "@/server/db";
import { publicRead } from "@/server/public-read";
import { checkPreferences, invalidSubscription, writePreferences } from "./subscribe";
import { checkConfirmToken, isManageToken, manageToken, tokenSubscriberId } from "./tokens";

/**
 * What a subscriber's own links do. The token is the only credential: a confirm link carries
 * its expiry, a manage link lives as long as the row, and both are keyed with the row's salt
 * (./tokens.ts), so deleting the row (unsubscribing) kills every link it ever had.
 */
const errors = () => messagesFor("en").subscribe.errors;

async function subscriberFor(token: string): Promise<SubscriberRow | null> {
  const id = tokenSubscriberId(token);
  if (id === null) return null;
  const db = await getDatabase();
  const [row] = await db.select().from(subscribers).where(eq(subscribers.id, id));
  return row ?? null;
}

async function manageable(token: string): Promise<SubscriberRow> {
  const row = await subscriberFor(token);
  if (!row || !isManageToken(token, row)) throw new AppError("not_found:subscriber", errors().linkGone);
  return row;
}

export type ConfirmLinkState =
  | { state: "valid"; language: string }
  | { state: "confirmed"; language: string; manageToken: string }
  | { state: "expired"; language: string }
  | { state: "invalid" };

/** What a confirmation link would do, for the page that asks before doing it (mail scanners follow links). */
async function readConfirmLinkState(token: string, now = new Date()): Promise<ConfirmLinkState> {
  const row = await subscriberFor(token);
  const state = row ? checkConfirmToken(token, row, now) : "invalid";
  if (!row || state === "invalid") return { state: "invalid" };
  if (row.status === "confirmed") return { state: "confirmed", language: row.language, manageToken: manageToken(row) };
  return { state, language: row.language };
}

/** Whether a manage or unsubscribe link still names an address (the row and its salt). */
async function readIsLiveManageLink(token: string): Promise<boolean> {
  const row = await subscriberFor(token);
  return !!row && isManageToken(token, row);
}

export type ConfirmResult = { outcome: "confirmed" | "already_confirmed"; language: string; manageToken: string };

/** Follows a confirmation link: the address may now get what it asked for. Following it again changes nothing. */
export async function confirmSubscription(token: string, { now = new Date() }: { now?: Date } = {}): Promise<ConfirmResult> {
  const row = await subscriberFor(token);
  const state = row ? checkConfirmToken(token, row, now) : "invalid";
  if (!row || state === "invalid") throw new AppError("not_found:subscriber", errors().confirmUnknown);
  // An old link for an address already confirmed has done its work; say so rather than "expired".
  if (row.status === "confirmed") return { outcome: "already_confirmed", language: row.language, manageToken: manageToken(row) };
  if (state === "expired") throw new AppError("gone:subscriber", errors().confirmExpired, { language: row.language });
  const db = await getDatabase();
  // Only a pending row moves: a second click racing the first confirms nothing twice.
  await db
    .update(subscribers)
    .set({ status: "confirmed", confirmedAt: now, digestCoveredUntil: now })
    .where(and(eq(subscribers.id, row.id), eq(subscribers.status, "pending")));
  return { outcome: "confirmed", language: row.language, manageToken: manageToken(row) };
}

export type SubscriberPreferences = SubscriptionPreferences & { email: string; confirmed: boolean };

/** What the manage page shows: the address (to its owner, who holds the link) and the choices. */
async function readPreferences(token: string): Promise<SubscriberPreferences> {
  const row = await manageable(token);
  const db = await getDatabase();
  const chosen = row.allCategories
    ? []
    : await db
        .select({ id: subscriberCategories.categoryId })
        .from(subscriberCategories)
        .where(eq(subscriberCategories.subscriberId, row.id));
  return {
    email: row.email,
    confirmed: row.status === "confirmed",
    language: row.language,
    categories: row.allCategories ? "all" : chosen.map((c) => c.id).sort((a, b) => a - b),
    frequency: row.frequency,
    digestHour: row.digestHour,
  };
}

export async function updatePreferences(token: string, raw: unknown): Promise<{ language: string }> {
  const row = await manageable(token);
  const shape = inputShapeProblem(raw);
  if (shape) throw new AppError("bad_request:subscriber", shape);
  const parsed = preferencesSchema.safeParse(raw);
  if (!parsed.success) throw invalidSubscription(subscriptionProblems(parsed.error));
  const prefs = parsed.data;
  const db = await getDatabase();
  await db.transaction(async (tx) => {
    await checkPreferences(tx, prefs);
    // A digest reader moving to alerts, or back, starts from now: nothing old is sent twice or skipped into a digest.
    if (prefs.frequency !== row.frequency && row.status === "confirmed") {
      await tx.update(subscribers).set({ digestCoveredUntil: new Date() }).where(eq(subscribers.id, row.id));
    }
    await writePreferences(tx, row.id, prefs);
  });
  return { language: prefs.language };
}

/** Deletes the address and, by cascade, its categories and deliveries: nothing of it is kept. */
export async function unsubscribe(token: string): Promise<{ language: string }> {
  const row = await manageable(token);
  const db = await getDatabase();
  // The address goes with everything held about it: deliveries and categories by cascade, and
  // any copies kept for the studio (no SMTP), which name the address but not the row.
  await db.transaction(async (tx) => {
    await tx.delete(subscribers).where(eq(subscribers.id, row.id));
    await tx.delete(keptMessages).where(eq(keptMessages.to, row.email));
  });
  return { language: row.language };
}

const TOKEN_IS_THE_CREDENTIAL = "a subscriber's link: its signed token is the credential";
export const confirmLinkState = publicRead(TOKEN_IS_THE_CREDENTIAL, readConfirmLinkState);
export const isLiveManageLink = publicRead(TOKEN_IS_THE_CREDENTIAL, readIsLiveManageLink);
export const loadPreferences = publicRead(TOKEN_IS_THE_CREDENTIAL, readPreferences);

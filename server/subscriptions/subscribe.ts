import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { categories, subscriberCategories, subscribers } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { messagesFor } from "@/lib/i18n";
import { inputShapeProblem } from "@/lib/input-shape";
import {
  subscribeSchema,
  subscriptionProblems,
  type SubscriptionField,
  type SubscriptionPreferences,
  type SubscriptionProblem,
} from "@/lib/subscription-input";
import { getDatabase } from "@/server/db";
import { queueConfirmation } from "./deliveries";
import { countSubscribeRequest, subscribeLimitKeys, subscribeLimitReached } from "./subscribe-limits";
import { newTokenSalt } from "./tokens";

/**
 * The reader's side of e-mail alerts: no account and no session, so not a defineCommand (which
 * needs staff). The address itself is the only claim, and it is proven by the double opt-in:
 * nothing but the confirmation is sent until its link is followed.
 *
 * Every request that passes validation and the limits gets the same answer, "check your inbox",
 * whether the address was new, waiting for confirmation or already confirmed, so the form cannot
 * be used to learn who is subscribed. A confirmed address is left exactly as it is (its
 * preferences change only through its own manage link) and is sent nothing: a confirmation would
 * make it pending again, which a stranger must not be able to do.
 */
export type SubscribeResult = { outcome: "check_inbox" };

/** A validation failure: field -> problem key; the English message lists them. */
export function invalidSubscription(problems: Partial<Record<SubscriptionField, SubscriptionProblem>>): AppError {
  const errors = messagesFor("en").subscribe.errors;
  const message = Object.values(problems)
    .map((p) => errors[p])
    .join(" ");
  return new AppError("bad_request:subscriber", message || errors.emailInvalid, { fields: { ...problems } });
}

/** The language must be one the site publishes in, and every chosen category must exist. */
export async function checkPreferences(tx: Pick<Transaction, "select">, prefs: SubscriptionPreferences) {
  const problems: Partial<Record<SubscriptionField, SubscriptionProblem>> = {};
  if (!env().SITE_LANGUAGES.some((l) => l.code === prefs.language)) problems.language = "language";
  if (prefs.categories !== "all") {
    const found = await tx.select({ id: categories.id }).from(categories).where(inArray(categories.id, prefs.categories));
    if (found.length !== prefs.categories.length) problems.categories = "categoriesUnknown";
  }
  if (Object.keys(problems).length) throw invalidSubscription(problems);
}

/** The subscriber's preferences and category rows, replaced as one. */
export async function writePreferences(tx: Transaction, subscriberId: number, prefs: SubscriptionPreferences) {
  await tx
    .update(subscribers)
    .set({
      language: prefs.language,
      allCategories: prefs.categories === "all",
      frequency: prefs.frequency,
      digestHour: prefs.digestHour,
    })
    .where(eq(subscribers.id, subscriberId));
  await tx.delete(subscriberCategories).where(eq(subscriberCategories.subscriberId, subscriberId));
  if (prefs.categories !== "all") {
    await tx.insert(subscriberCategories).values(prefs.categories.map((categoryId) => ({ subscriberId, categoryId })));
  }
}

export async function subscribe(raw: unknown, { ip, now = new Date() }: { ip: string | null; now?: Date }): Promise<SubscribeResult> {
  const shape = inputShapeProblem(raw);
  if (shape) throw new AppError("bad_request:subscriber", shape);
  const parsed = subscribeSchema.safeParse(raw);
  if (!parsed.success) throw invalidSubscription(subscriptionProblems(parsed.error));
  const { email, ...prefs } = parsed.data;
  const keys = subscribeLimitKeys(email, ip);
  const db = await getDatabase();
  await db.transaction(async (tx) => {
    await checkPreferences(tx, prefs);
    const reached = await subscribeLimitReached(tx, keys, now);
    if (reached) {
      const m = messagesFor("en").subscribe.errors;
      throw new AppError("rate_limited:subscriber", reached.scope === "address" ? m.tooManyForAddress : m.tooManyFromClient, {
        scope: reached.scope,
        retryAfterSeconds: reached.retryAfterSeconds,
      });
    }
    await countSubscribeRequest(tx, keys, now);
    const [existing] = await tx.select().from(subscribers).where(eq(subscribers.email, email));
    if (existing?.status === "confirmed") return; // the same answer, and nothing sent or changed
    let id = existing?.id;
    if (id === undefined) {
      const [row] = await tx
        .insert(subscribers)
        .values({ email, status: "pending", language: prefs.language, tokenSalt: newTokenSalt(), createdAt: now })
        // Another app process may have written the same new address a moment ago: use its row, not a 500.
        .onConflictDoUpdate({ target: subscribers.email, set: { email } })
        .returning({ id: subscribers.id });
      id = row!.id;
    }
    await writePreferences(tx, id, prefs);
    await queueConfirmation(tx, id, now);
  });
  return { outcome: "check_inbox" };
}

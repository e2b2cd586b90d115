import { eq, sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import type { Database } from "@/db/client";
import { categories, mailDeliveries, subscriberCategories, subscribers } from "@/db/schema";
import { AppError } from "@/lib/errors";
import {
  confirmLinkState,
  confirmSubscription,
  isLiveManageLink,
  loadPreferences,
  unsubscribe,
  updatePreferences,
} from "@/server/subscriptions/preferences";
import { subscribe } from "@/server/subscriptions/subscribe";
import { CONFIRM_LINK_LIFETIME_MS, confirmToken, manageToken } from "@/server/subscriptions/tokens";
import { isCacheablePublicPage } from "@/server/cache/public-page-cache";
import { integrationTest } from "../support/fixtures";

const it = integrationTest();

/** Issue 17: what a subscriber's own links do — confirm, change preferences, unsubscribe (which deletes the address). */
const prefs = { language: "en", categories: "all" as const, frequency: "immediate" as const, digestHour: 8 };
let n = 0;

async function pending(db: Database, email: string, now = new Date()) {
  await subscribe({ ...prefs, email }, { ip: `203.0.113.${++n}`, now });
  const [row] = await db.select().from(subscribers).where(eq(subscribers.email, email));
  return row!;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("confirming", () => {
  it("a valid link confirms once, sets the digest's start, and following it again is fine", async ({ db }) => {
    const row = await pending(db, "confirm-me@example.com");
    const token = confirmToken(row, new Date(Date.now() + CONFIRM_LINK_LIFETIME_MS));
    expect(await confirmLinkState(token)).toEqual({ state: "valid", language: "en" });
    const now = new Date();
    expect(await confirmSubscription(token, { now })).toEqual({ outcome: "confirmed", language: "en", manageToken: manageToken(row) });
    const [after] = await db.select().from(subscribers).where(eq(subscribers.id, row.id));
    expect(after).toMatchObject({ status: "confirmed", confirmedAt: now, digestCoveredUntil: now });
    expect((await confirmSubscription(token, { now: new Date(now.getTime() + 5000) })).outcome).toBe("already_confirmed");
    const [again] = await db.select().from(subscribers).where(eq(subscribers.id, row.id));
    expect(again!.confirmedAt).toEqual(now);
    expect(await confirmLinkState(token)).toEqual({ state: "confirmed", language: "en", manageToken: manageToken(row) });
  });

  it("an expired link is refused with 410 and a way forward, and confirms nothing", async ({ db }) => {
    const row = await pending(db, "too-late@example.com");
    const token = confirmToken(row, new Date(Date.now() - 1000));
    expect(await confirmLinkState(token)).toEqual({ state: "expired", language: "en" });
    const error = await refusal(confirmSubscription(token));
    expect(error.status).toBe(410);
    expect(error.message).toMatch(/expired.*Subscribe again/);
    const [after] = await db.select().from(subscribers).where(eq(subscribers.id, row.id));
    expect(after!.status).toBe("pending");
  });

  it("an unknown, forged or manage token is refused with 404", async ({ db }) => {
    const row = await pending(db, "forged@example.com");
    const good = confirmToken(row, new Date(Date.now() + 60_000));
    for (const token of [
      "",
      "nonsense",
      `${row.id}.zz.${"A".repeat(43)}`,
      good.slice(0, -1) + (good.endsWith("A") ? "B" : "A"),
      manageToken(row),
      `999999.${good.split(".").slice(1).join(".")}`,
    ]) {
      expect((await refusal(confirmSubscription(token))).status, token).toBe(404);
      expect((await confirmLinkState(token)).state).toBe("invalid");
    }
    const [after] = await db.select().from(subscribers).where(eq(subscribers.id, row.id));
    expect(after!.status).toBe("pending");
  });
});

describe("managing", () => {
  it("loads and changes the preferences; bad input changes nothing", async ({ db }) => {
    const row = await pending(db, "manage@example.com");
    const token = manageToken(row);
    expect(await loadPreferences(token)).toEqual({ email: "manage@example.com", confirmed: false, ...prefs });
    const ids = (await db.select({ id: categories.id }).from(categories).limit(2)).map((c) => c.id).sort((a, b) => a - b);
    await updatePreferences(token, { language: "ja", categories: ids, frequency: "daily", digestHour: 21 });
    expect(await loadPreferences(token)).toEqual({
      email: "manage@example.com",
      confirmed: false,
      language: "ja",
      categories: ids,
      frequency: "daily",
      digestHour: 21,
    });
    const before = await db.select().from(subscriberCategories).where(eq(subscriberCategories.subscriberId, row.id));
    for (const bad of [
      { ...prefs, categories: [] },
      { ...prefs, categories: [424242] },
      { ...prefs, language: "xx" },
      { ...prefs, email: "someone-else@example.com" },
    ]) {
      expect((await refusal(updatePreferences(token, bad))).status).toBe(400);
    }
    expect(await db.select().from(subscriberCategories).where(eq(subscriberCategories.subscriberId, row.id))).toEqual(before);
    expect((await loadPreferences(token)).language).toBe("ja");
  });

  it("an unknown or forged manage token is a 404 with a clear message", async ({ db }) => {
    const row = await pending(db, "manage-forged@example.com");
    const forged = `${row.id}.${"A".repeat(43)}`;
    const error = await refusal(loadPreferences(forged));
    expect(error.status).toBe(404);
    expect(error.message).toMatch(/no longer works/);
    expect((await refusal(updatePreferences(forged, prefs))).status).toBe(404);
    expect((await refusal(unsubscribe(forged))).status).toBe(404);
    expect(await isLiveManageLink(forged)).toBe(false);
    expect(await isLiveManageLink(manageToken(row))).toBe(true);
  });
});

describe("unsubscribing", () => {
  it("deletes the address with its categories and deliveries; every link of it stops working", async ({ db }) => {
    const [category] = await db.select().from(categories).limit(1);
    await subscribe({ ...prefs, email: "leaving@example.com", categories: [category!.id] }, { ip: "192.0.2.200" });
    const [row] = await db.select().from(subscribers).where(eq(subscribers.email, "leaving@example.com"));
    const token = manageToken(row!);
    await confirmSubscription(confirmToken(row!, new Date(Date.now() + 60_000)));
    expect(await db.select().from(mailDeliveries).where(eq(mailDeliveries.subscriberId, row!.id))).not.toEqual([]);
    // A copy kept for the studio (no SMTP) names the address too.
    await db.run(
      sql`INSERT INTO kept_messages (delivery_id, "to", subject, text, html, headers, kept_at) VALUES (NULL, 'leaving@example.com', 's', 't', 'h', '{}', 0)`,
    );
    expect(await unsubscribe(token)).toEqual({ language: "en" });
    const left = await db.all<{ n: number }>(
      sql`SELECT (SELECT count(*) FROM subscribers WHERE email = 'leaving@example.com') + (SELECT count(*) FROM subscriber_categories WHERE subscriber_id = ${row!.id}) + (SELECT count(*) FROM mail_deliveries WHERE subscriber_id = ${row!.id}) + (SELECT count(*) FROM kept_messages WHERE "to" = 'leaving@example.com') AS n`,
    );
    expect(left[0]!.n).toBe(0);
    expect((await refusal(unsubscribe(token))).status).toBe(404);
    expect((await refusal(loadPreferences(token))).status).toBe(404);
    // Subscribing again makes a new row with new links: the old ones stay dead.
    await subscribe({ ...prefs, email: "leaving@example.com" }, { ip: "192.0.2.201" });
    const [again] = await db.select().from(subscribers).where(eq(subscribers.email, "leaving@example.com"));
    expect(again!.status).toBe("pending");
    expect(await isLiveManageLink(token)).toBe(false);
  });
});

describe("caching", () => {
  it("no e-mail alert page is ever kept in the public page store", () => {
    for (const path of [
      "/subscribe",
      "/ja/subscribe",
      "/subscribe/check-inbox",
      "/email/confirm/1.a.b",
      "/ja/email/manage/1.b",
      "/email/unsubscribe/1.c",
      "/email/unsubscribed",
    ]) {
      expect(isCacheablePublicPage(path, ""), path).toBe(false);
      expect(isCacheablePublicPage(path, "?problem=1"), path).toBe(false);
    }
  });
});

import { eq, like, sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import type { Database } from "@/db/client";
import { categories, loginThrottle, mailDeliveries, subscriberCategories, subscribers } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { SUBSCRIBE_LIMITS } from "@/server/subscriptions/subscribe-limits";
import { subscribe } from "@/server/subscriptions/subscribe";
import { integrationTest } from "../support/fixtures";

const it = integrationTest();

/**
 * Issue 17: a reader subscribes without an account. Double opt-in (only the confirmation is
 * queued), rate limits per address and per client so the form cannot bomb an inbox, and the
 * same answer whatever the address's state so the form cannot tell who is subscribed.
 */
const prefs = { language: "en", categories: "all" as const, frequency: "immediate" as const, digestHour: 8 };
let ipCounter = 0;
/** A client of its own per call, so the per-client limit only matters where a test means it to. */
const freshIp = () => `198.51.100.${++ipCounter}`;

async function snapshot(db: Database) {
  const [counts] = await db.all<{ s: number; c: number; d: number }>(
    sql`SELECT (SELECT count(*) FROM subscribers) AS s, (SELECT count(*) FROM subscriber_categories) AS c, (SELECT count(*) FROM mail_deliveries) AS d`,
  );
  return { ...counts, rows: await db.select().from(subscribers).orderBy(subscribers.id) };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const confirmations = (db: Database, id: number) =>
  db
    .select()
    .from(mailDeliveries)
    .where(eq(mailDeliveries.subscriberId, id))
    .then((rows) => rows.filter((r) => r.kind === "confirm"));

describe("subscribe", () => {
  it("a new address is stored pending, normalised, with its categories and one confirmation, in one go", async ({ db }) => {
    const [culture] = await db.select().from(categories).limit(1);
    const result = await subscribe(
      { ...prefs, email: "  Reader.One@Example.COM ", categories: [culture!.id], frequency: "daily", digestHour: 18 },
      { ip: freshIp() },
    );
    expect(result).toEqual({ outcome: "check_inbox" });
    const [row] = await db.select().from(subscribers).where(eq(subscribers.email, "reader.one@example.com"));
    expect(row).toMatchObject({ status: "pending", allCategories: false, frequency: "daily", digestHour: 18, confirmedAt: null });
    expect(row!.tokenSalt.length).toBeGreaterThan(20);
    expect(await db.select().from(subscriberCategories).where(eq(subscriberCategories.subscriberId, row!.id))).toEqual([
      { subscriberId: row!.id, categoryId: culture!.id },
    ]);
    const mails = await db.select().from(mailDeliveries).where(eq(mailDeliveries.subscriberId, row!.id));
    expect(mails.map((m) => m.kind)).toEqual(["confirm"]);
  });

  it("bad input is refused field by field and changes nothing", async ({ db }) => {
    const before = await snapshot(db);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...prefs, email: "not-an-address" }, "email", "emailInvalid"],
      [{ ...prefs, email: "" }, "email", "emailMissing"],
      [{ ...prefs, email: `${"a".repeat(250)}@example.com` }, "email", "emailTooLong"],
      [{ ...prefs, email: "a@example.com", language: "fr" }, "language", "language"],
      [{ ...prefs, email: "a@example.com", categories: [] }, "categories", "categoriesNone"],
      [{ ...prefs, email: "a@example.com", categories: [999_999] }, "categories", "categoriesUnknown"],
      [{ ...prefs, email: "a@example.com", frequency: "hourly" }, "frequency", "frequency"],
      [{ ...prefs, email: "a@example.com", digestHour: 24 }, "digestHour", "digestHour"],
      [{ ...prefs, email: "a@example.com", digestHour: "8" }, "digestHour", "digestHour"],
    ];
    for (const [input, field, problem] of cases) {
      const error = await refusal(subscribe(input, { ip: freshIp() }));
      expect(error.status, JSON.stringify(input).slice(0, 80)).toBe(400);
      expect(error.fields?.[field], field).toBe(problem);
      expect(error.message.length).toBeGreaterThan(10);
    }
    // A forged field (mass assignment) is refused too.
    expect((await refusal(subscribe({ ...prefs, email: "b@example.com", status: "confirmed" }, { ip: freshIp() }))).status).toBe(400);
    expect(await snapshot(db)).toEqual(before);
    // Refused requests count against no limit.
    expect(await db.select().from(loginThrottle).where(like(loginThrottle.key, "subscribe:address:a@example.com"))).toEqual([]);
  });

  it("an address still pending gets its new preferences and another confirmation", async ({ db }) => {
    await subscribe({ ...prefs, email: "pending@example.com" }, { ip: freshIp() });
    await subscribe({ ...prefs, email: "PENDING@example.com", language: "ja", frequency: "daily", digestHour: 7 }, { ip: freshIp() });
    const rows = await db.select().from(subscribers).where(eq(subscribers.email, "pending@example.com"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "pending", language: "ja", frequency: "daily", digestHour: 7 });
    expect(await confirmations(db, rows[0]!.id)).toHaveLength(2);
  });

  it("a confirmed address gets the same answer, and nothing is sent or changed", async ({ db }) => {
    await subscribe({ ...prefs, email: "confirmed@example.com" }, { ip: freshIp() });
    await db
      .update(subscribers)
      .set({ status: "confirmed", confirmedAt: new Date() })
      .where(eq(subscribers.email, "confirmed@example.com"));
    const [before] = await db.select().from(subscribers).where(eq(subscribers.email, "confirmed@example.com"));
    const result = await subscribe({ ...prefs, email: "confirmed@example.com", language: "ja", frequency: "daily" }, { ip: freshIp() });
    expect(result).toEqual(await subscribe({ ...prefs, email: "brand-new@example.com" }, { ip: freshIp() }));
    const [after] = await db.select().from(subscribers).where(eq(subscribers.email, "confirmed@example.com"));
    expect(after).toEqual(before);
    expect(await confirmations(db, before!.id)).toHaveLength(1); // only the one from before it was confirmed
  });

  it("at most three requests per address a day, whatever the address's state, then 429 and nothing written", async ({ db }) => {
    const now = new Date("2026-03-01T00:00:00Z");
    const { limit, windowMs } = SUBSCRIBE_LIMITS.address;
    // A moment apart, as real requests are (each confirmation's key carries its moment).
    for (let i = 0; i < limit; i++)
      await subscribe({ ...prefs, email: "bombed@example.com" }, { ip: freshIp(), now: new Date(now.getTime() + i) });
    const before = await snapshot(db);
    const error = await refusal(
      subscribe({ ...prefs, email: "bombed@example.com" }, { ip: freshIp(), now: new Date(now.getTime() + 1000) }),
    );
    expect(error.status).toBe(429);
    expect(error.message).toMatch(/this address/);
    expect(Number(error.details.retryAfterSeconds)).toBeGreaterThan(0);
    expect(await snapshot(db)).toEqual(before);
    const [row] = await db.select().from(subscribers).where(eq(subscribers.email, "bombed@example.com"));
    expect(await confirmations(db, row!.id)).toHaveLength(limit);
    // The same limit for a confirmed address: the answer cannot tell the two apart.
    await db.update(subscribers).set({ status: "confirmed" }).where(eq(subscribers.id, row!.id));
    expect((await refusal(subscribe({ ...prefs, email: "bombed@example.com" }, { ip: freshIp(), now }))).status).toBe(429);
    // A day later the window has passed.
    await db.update(subscribers).set({ status: "pending" }).where(eq(subscribers.id, row!.id));
    await subscribe({ ...prefs, email: "bombed@example.com" }, { ip: freshIp(), now: new Date(now.getTime() + windowMs + 1) });
    expect(await confirmations(db, row!.id)).toHaveLength(limit + 1);
  });

  it("at most twenty requests an hour from one client (IPv6 by its /64), then 429 and nothing written", async ({ db }) => {
    const now = new Date("2026-03-02T00:00:00Z");
    const { limit } = SUBSCRIBE_LIMITS.client;
    for (let i = 0; i < limit; i++) {
      await subscribe({ ...prefs, email: `spray-${i}@example.com` }, { ip: `2001:db8:1:2::${i.toString(16)}`, now });
    }
    const before = await snapshot(db);
    const error = await refusal(subscribe({ ...prefs, email: "spray-last@example.com" }, { ip: "2001:db8:1:2:ffff::1", now }));
    expect(error.status).toBe(429);
    expect(error.message).toMatch(/your network/);
    expect(await snapshot(db)).toEqual(before);
    // Another client is not held back.
    await subscribe({ ...prefs, email: "spray-last@example.com" }, { ip: "2001:db8:9:9::1", now });
  });
});

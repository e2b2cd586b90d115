import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { withEnv } from "@/lib/env";
import { lastDigestMoment } from "@/server/subscriptions/digests";
import { drainOutbox } from "@/server/subscriptions/worker";
import { integrationTest } from "../support/fixtures";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";
import { addSubscribers, publishedThroughWorkflow } from "./subscriber-fixtures";

const it = integrationTest();
let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(() => sink.close());

const HOUR = 3_600_000;
const at = (now: Date) => withEnv({ SMTP_URL: sink.url }, () => drainOutbox({ budgetMs: 5_000, now: () => now }));

describe("daily digests", () => {
  it("finds the latest Tokyo hour at or before now", () => {
    // 2026-12-02 07:30 in Tokyo is 2026-12-01 22:30 UTC.
    expect(lastDigestMoment(8, new Date("2026-12-01T22:30:00Z")).toISOString()).toBe("2026-11-30T23:00:00.000Z");
    expect(lastDigestMoment(7, new Date("2026-12-01T22:30:00Z")).toISOString()).toBe("2026-12-01T22:00:00.000Z");
    expect(lastDigestMoment(0, new Date("2026-12-01T15:00:00Z")).toISOString()).toBe("2026-12-01T15:00:00.000Z");
  });

  it("sends one digest at the subscriber's hour with what was published since, never an empty one, and never twice", async ({ db }) => {
    // Confirmed yesterday at 09:00 Tokyo; the digest hour is 08:00 Tokyo.
    const now = Date.now();
    const eight = lastDigestMoment(8, new Date(now)).getTime();
    await addSubscribers(db, ["daily@example.jp"], { frequency: "daily", digestHour: 8, confirmedAt: new Date(eight - 23 * HOUR) });
    await addSubscribers(db, ["idle@example.jp"], {
      frequency: "daily",
      digestHour: 8,
      language: "ja",
      confirmedAt: new Date(eight - 23 * HOUR),
    });
    // Items published in the day before this morning's digest hour.
    const first = await publishedThroughWorkflow(db, "Digest item one Koto", { now: new Date(eight - 2 * HOUR) });
    const second = await publishedThroughWorkflow(db, "Digest item two Minato", { now: new Date(eight - HOUR) });
    // Before the hour: nothing.
    await at(new Date(eight - 30 * 60_000));
    expect(sink.to("daily@example.jp")).toHaveLength(0);
    // At the hour: one digest with both, newest first; the Japanese subscriber has nothing and gets nothing.
    await at(new Date(eight + 60_000));
    await at(new Date(eight + 2 * 60_000));
    const digests = sink.to("daily@example.jp");
    expect(digests).toHaveLength(1);
    expect(digests[0]!.parsed.subject).toMatch(/2 items/);
    const text = digests[0]!.parsed.text!;
    expect(text.indexOf("Digest item two Minato")).toBeLessThan(text.indexOf("Digest item one Koto"));
    expect(text).toContain(`/news/${first.slug}`);
    expect(text).toContain(`/news/${second.slug}`);
    expect(sink.to("idle@example.jp")).toHaveLength(0);
    // The next morning with nothing new: no message, and the period is marked covered.
    await at(new Date(eight + 24 * HOUR + 60_000));
    expect(sink.to("daily@example.jp")).toHaveLength(1);
    const [covered] = await db.all<{ until: number }>(
      sql`SELECT digest_covered_until AS until FROM subscribers WHERE email = 'daily@example.jp'`,
    );
    expect(covered!.until).toBe(eight + 24 * HOUR);
    // Immediate alerts were not sent to daily subscribers.
    const [alerts] = await db.all<{ n: number }>(
      sql`SELECT count(*) AS n FROM mail_deliveries d JOIN subscribers s ON s.id = d.subscriber_id WHERE s.email = 'daily@example.jp' AND d.kind = 'alert'`,
    );
    expect(alerts!.n).toBe(0);
  });
});

describe("retention", () => {
  it("forgets events, deliveries and digests after 90 days, and keeps newer ones", async ({ db }) => {
    const { pruneOldMail, MAIL_RETENTION_MS } = await import("@/server/subscriptions/retention");
    const [before] = await db.all<{ events: number; deliveries: number }>(
      sql`SELECT (SELECT count(*) FROM outbox_events) AS events, (SELECT count(*) FROM mail_deliveries) AS deliveries`,
    );
    expect(before!.events).toBeGreaterThan(0);
    expect(before!.deliveries).toBeGreaterThan(0);
    const fresh = () => ((globalThis as { kohoMailPrunedAt?: number }).kohoMailPrunedAt = undefined);
    fresh();
    await pruneOldMail(db, new Date(Date.now() + MAIL_RETENTION_MS - 48 * HOUR));
    const [kept] = await db.all<{ events: number }>(sql`SELECT count(*) AS events FROM outbox_events`);
    expect(kept!.events).toBe(before!.events);
    fresh();
    await pruneOldMail(db, new Date(Date.now() + MAIL_RETENTION_MS + 48 * HOUR));
    const [after] = await db.all<{ events: number; deliveries: number }>(
      sql`SELECT (SELECT count(*) FROM outbox_events) AS events, (SELECT count(*) FROM mail_deliveries) AS deliveries`,
    );
    expect(after).toEqual({ events: 0, deliveries: 0 });
  });
});

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { POST as outboxTick } from "@/app/api/outbox/run/route";
import { POST as schedulerTick } from "@/app/api/scheduler/run/route";
import type { Database } from "@/db/client";
import { categories, subscribers } from "@/db/schema";
import { toTokyoIsoString } from "@/lib/dates";
import { env, withEnv } from "@/lib/env";
import { schedulerToken } from "@/lib/scheduler-token";
import * as scheduler from "@/server/editorial/scheduler";
import * as flow from "@/server/editorial/transitions";
import { drainOutbox } from "@/server/subscriptions/worker";
import { integrationTest } from "../support/fixtures";
import { actAs } from "../support/session";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";
import { startHubReceiver, type HubReceiver } from "../support/websub-hub";
import { seenVersion } from "../support/workflow";
import { addSubscribers } from "./subscriber-fixtures";
import { writtenAndSubmitted } from "./workflow-fixtures";

/**
 * Issue 17, done when: "a scheduled item going live produces alerts and a WebSub ping with no
 * manual step". After the publisher schedules, only what the timers run happens: the scheduler's
 * tick (publishDue) and the outbox's round (drainOutbox), against a real SMTP server and a real
 * HTTP receiver standing in for the hub.
 */

const it = integrationTest();
let sink: SmtpSink;
let hub: HubReceiver;

beforeAll(async () => {
  [sink, hub] = await Promise.all([startSmtpSink(), startHubReceiver()]);
});
afterAll(async () => {
  await Promise.all([sink.close(), hub.close()]);
});

type Ctx = { url: string; mediaDir: string };
const configured = <T>({ url, mediaDir }: Ctx, fn: () => T): T =>
  withEnv({ DATABASE_URL: url, MEDIA_DIR: mediaDir, SMTP_URL: sink.url, WEBSUB_HUB_URL: hub.url, MAIL_RETRY_BASE_MS: "10" }, fn);

/** A writer's item, approved, then scheduled by the publisher for `at` (Tokyo wall time, to the minute), the scheduling done at `now`. */
async function scheduledItem(db: Database, title: string, at: Date, now: Date) {
  const item = await writtenAndSubmitted(title);
  actAs("publisher");
  await flow.applyTransition("article", { articleId: item.id, version: await seenVersion(db, item.id), transition: "approve" }, { now });
  const scheduledFor = toTokyoIsoString(at).slice(0, 16); // "2030-01-01T09:10"
  await flow.applyTransition(
    "article",
    { articleId: item.id, version: await seenVersion(db, item.id), transition: "schedule", scheduledFor },
    { now },
  );
  actAs(null);
  return item;
}

/** The six feeds a workflow item (English, category 1) is in, by the addresses they advertise. */
async function itemTopics(db: Database) {
  const [category] = await db.select({ slug: categories.slug }).from(categories).where(eq(categories.id, 1));
  const site = env().SITE_URL.replace(/\/$/, "");
  const files = ["feed.xml", "atom.xml", "feed.json"];
  return [...files.map((f) => `${site}/${f}`), ...files.map((f) => `${site}/category/${category!.slug}/${f}`)].sort();
}

const subjectsTo = (address: string) => sink.to(address).map((m) => m.parsed.subject);

describe("a scheduled item going live", () => {
  it("alerts confirmed subscribers and pings the hub once per feed at its time, and nothing before it or twice", async ({
    db,
    url,
    mediaDir,
  }) => {
    const ctx = { url, mediaDir };
    const title = "Scheduled: river festival route Katsushika";
    await addSubscribers(db, ["s-all@example.jp"]);
    await addSubscribers(db, ["s-cat@example.jp"], { categoryIds: [1] });
    await addSubscribers(db, ["s-other@example.jp"], { categoryIds: [2] });
    await addSubscribers(db, ["s-ja@example.jp"], { language: "ja" });
    await db.insert(subscribers).values({ email: "s-pending@example.jp", status: "pending", language: "en", tokenSalt: "s" });
    const item = await scheduledItem(db, title, new Date("2030-01-01T00:10:00Z"), new Date("2030-01-01T00:00:00Z"));
    const topics = await itemTopics(db);

    await configured(ctx, async () => {
      // The timers before the time: nothing is published, so nothing is sent.
      const early = new Date("2030-01-01T00:09:00Z");
      expect((await scheduler.publishDue(early)).published.article).not.toContain(item.id);
      await drainOutbox({ budgetMs: 5_000, now: () => early });
      expect(sink.received).toHaveLength(0);
      expect(hub.requests).toHaveLength(0);

      // The timers at the time.
      const due = new Date("2030-01-01T00:10:05Z");
      expect((await scheduler.publishDue(due)).published.article).toEqual([item.id]);
      const round = await drainOutbox({ budgetMs: 5_000, now: () => due });
      expect(round).toMatchObject({ sent: 2, failed: 0, pings: 6 });
    });
    expect(subjectsTo("s-all@example.jp")).toEqual([title]);
    expect(subjectsTo("s-cat@example.jp")).toEqual([title]);
    expect(sink.received).toHaveLength(2);
    expect(sink.to("s-all@example.jp")[0]!.parsed.text).toContain(`/news/${item.slug}`);
    expect(hub.published().sort()).toEqual(topics);
    expect(hub.requests).toHaveLength(6);

    // Later rounds of both timers change nothing.
    await configured(ctx, async () => {
      const later = new Date("2030-01-01T01:00:00Z");
      expect((await scheduler.publishDue(later)).published.article).toEqual([]);
      await drainOutbox({ budgetMs: 5_000, now: () => later });
    });
    expect(sink.received).toHaveLength(2);
    expect(hub.requests).toHaveLength(6);
  });

  it("goes out through the very requests instrumentation.ts's timers make, catching up on a time that passed while the server was down", async ({
    db,
    url,
    mediaDir,
  }) => {
    const ctx = { url, mediaDir };
    const title = "Caught up: night bus trial Adachi";
    sink.received.splice(0);
    hub.requests.splice(0);
    await addSubscribers(db, ["t-all@example.jp"]);
    // Scheduled an hour before its time, which passed two minutes ago (the process was down then).
    const at = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 2 * 60_000);
    const item = await scheduledItem(db, title, at, new Date(at.getTime() - 3_600_000));
    const topics = await itemTopics(db);

    await configured(ctx, async () => {
      const tick = (path: string) =>
        new Request(`http://127.0.0.1:3000${path}`, { method: "POST", headers: { authorization: `Bearer ${schedulerToken()}` } });
      const published = await schedulerTick(tick("/api/scheduler/run"));
      expect(published.status).toBe(200);
      expect((await published.json()).published).toEqual([{ kind: "article", id: item.id }]);
      const round = await outboxTick(tick("/api/outbox/run"));
      expect(round.status).toBe(200);
      expect(await round.json()).toMatchObject({ failed: 0, pings: 6 });
    });
    expect(subjectsTo("t-all@example.jp")).toEqual([title]);
    // The first test's subscribers hear of this item too, once each.
    for (const address of ["s-all@example.jp", "s-cat@example.jp"]) expect(subjectsTo(address)).toEqual([title]);
    expect(subjectsTo("s-other@example.jp")).toEqual([]);
    expect(subjectsTo("s-ja@example.jp")).toEqual([]);
    expect(hub.published().sort()).toEqual(topics);
    expect(hub.requests).toHaveLength(6);
  });
});

import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect } from "vitest";
import * as jaCategoryAtom from "@/app/[language]/category/[slug]/atom.xml/route";
import * as jaJson from "@/app/[language]/feed.json/route";
import * as jaRss from "@/app/[language]/feed.xml/route";
import * as rss from "@/app/feed.xml/route";
import { categories, outboxEvents } from "@/db/schema";
import { env, withEnv } from "@/lib/env";
import { queueFeedPings, sendDuePings } from "@/server/subscriptions/websub";
import { integrationTest } from "../support/fixtures";
import { startHubReceiver, type HubReceiver } from "../support/websub-hub";
import { publishedThroughWorkflow } from "./subscriber-fixtures";
import { advertised, advertisedTopics, eventsOf, get, itemFeeds, params, pingsOf } from "./websub-fixtures";

/**
 * Issue 17, instant feeds: with WEBSUB_HUB_URL set every feed names the hub, and each
 * publication pings a real HTTP receiver standing in for the hub once per feed it changed,
 * retrying with backoff; without it nothing is advertised and nothing is queued.
 */

const it = integrationTest();
let hub: HubReceiver;
const BASE_MS = 1_000;

beforeAll(async () => {
  hub = await startHubReceiver();
});
afterAll(() => hub.close());

type Ctx = { url: string; mediaDir: string };
/** The test's database and media folder (as integrationTest sets them), the hub, fast retries. */
function configured<T>({ url, mediaDir }: Ctx, fn: () => T, extra: Record<string, string | undefined> = {}): T {
  return withEnv({ DATABASE_URL: url, MEDIA_DIR: mediaDir, WEBSUB_HUB_URL: hub.url, MAIL_RETRY_BASE_MS: String(BASE_MS), ...extra }, fn);
}

describe("feeds advertise the hub", () => {
  it("in the body and a Link header of every format, site-wide and per category, in every language, and not without a hub", async ({
    db,
    url,
    mediaDir,
  }) => {
    const ctx = { url, mediaDir };
    const [category] = await db.select({ slug: categories.slug }).from(categories).where(eq(categories.id, 1));
    const slug = category!.slug;
    const calls = [
      ...(await itemFeeds(db)),
      () => jaRss.GET(get("/ja/feed.xml"), params({ language: "ja" })),
      () => jaJson.GET(get("/ja/feed.json"), params({ language: "ja" })),
      () => jaCategoryAtom.GET(get(`/ja/category/${slug}/atom.xml`), params({ language: "ja", slug })),
    ];
    const selves = await configured(ctx, async () => {
      const seen: string[] = [];
      for (const call of calls) {
        const res = await call();
        expect(res.status).toBe(200);
        const body = advertised(await res.text());
        expect(body.hubs).toEqual([`WebSub ${hub.url}`]);
        expect(res.headers.get("link")).toBe(`<${hub.url}>; rel="hub", <${body.self}>; rel="self"`);
        seen.push(body.self!);
      }
      // A 304 carries it too: a client revalidating learns of the hub without a body.
      const etag = (await rss.GET(get("/feed.xml"))).headers.get("etag")!;
      const notModified = await rss.GET(new Request("http://localhost:3000/feed.xml", { headers: { "If-None-Match": etag } }));
      expect(notModified.status).toBe(304);
      expect(notModified.headers.get("link")).toBe(`<${hub.url}>; rel="hub", <${seen[0]}>; rel="self"`);
      return seen;
    });
    const site = env().SITE_URL.replace(/\/$/, "");
    expect(selves.slice(6)).toEqual([`${site}/ja/feed.xml`, `${site}/ja/feed.json`, `${site}/ja/category/${slug}/atom.xml`]);
    expect(new Set(selves).size).toBe(calls.length);

    await configured(
      ctx,
      async () => {
        for (const call of calls) {
          const res = await call();
          expect(res.headers.get("link")).toBeNull();
          const text = await res.text();
          expect(advertised(text).hubs).toEqual([]);
          expect(text).not.toContain(hub.url);
        }
      },
      { WEBSUB_HUB_URL: undefined },
    );
  });
});

describe("pinging the hub", () => {
  it("queues one ping per feed an event changes, exactly the advertised addresses, and sends each once", async ({ db, url, mediaDir }) => {
    const ctx = { url, mediaDir };
    hub.requests.splice(0);
    const item = await publishedThroughWorkflow(db, "Hub hears of new ferry timetable Koto");
    const now = new Date();
    await configured(ctx, async () => {
      const topics = await advertisedTopics(db);
      expect(await queueFeedPings(db, now)).toBe(6);
      expect(await queueFeedPings(db, now)).toBe(0);
      // Expanded again, as after a crash between the pings' insert and the event's mark: nothing new.
      const events = await eventsOf(db, item.id);
      await db.update(outboxEvents).set({ pingsQueuedAt: null }).where(inArray(outboxEvents.id, events));
      expect(await queueFeedPings(db, now)).toBe(0);
      expect((await pingsOf(db, events)).map((p) => p.topic).sort()).toEqual(topics);

      expect(await sendDuePings(db, now)).toEqual({ sent: 6, failed: 0 });
      expect(hub.requests).toHaveLength(6);
      for (const r of hub.requests) {
        expect([r.method, r.contentType, r.params.get("hub.mode")]).toEqual(["POST", "application/x-www-form-urlencoded", "publish"]);
        expect(r.params.get("hub.topic")).toBe(r.params.get("hub.url"));
      }
      expect(hub.published().sort()).toEqual(topics);
      expect((await pingsOf(db, events)).map((p) => [p.status, p.attempts, p.sentAt?.getTime()])).toEqual(
        Array(6).fill(["sent", 1, now.getTime()]),
      );
      expect(await sendDuePings(db, new Date(now.getTime() + 10 * 3_600_000))).toEqual({ sent: 0, failed: 0 });
      expect(hub.requests).toHaveLength(6);
    });
  });

  it("sends one POST per feed when several events changed it", async ({ db, url, mediaDir }) => {
    const ctx = { url, mediaDir };
    hub.requests.splice(0);
    const first = await publishedThroughWorkflow(db, "Two at once: library hours Setagaya");
    const second = await publishedThroughWorkflow(db, "Two at once: pool reopens Setagaya");
    const now = new Date();
    await configured(ctx, async () => {
      expect(await queueFeedPings(db, now)).toBe(12);
      expect(await sendDuePings(db, now)).toEqual({ sent: 12, failed: 0 });
      expect(hub.published().sort()).toEqual(await advertisedTopics(db));
      const events = [...(await eventsOf(db, first.id)), ...(await eventsOf(db, second.id))];
      expect((await pingsOf(db, events)).every((p) => p.status === "sent")).toBe(true);
    });
  });

  it("retries a hub answering 500 with a doubling delay, and ends sent once when it answers 202", async ({ db, url, mediaDir }) => {
    const ctx = { url, mediaDir };
    hub.requests.splice(0);
    const item = await publishedThroughWorkflow(db, "Retried ping: bus routes Nakano");
    const t0 = new Date();
    const at = (ms: number) => new Date(t0.getTime() + ms);
    await configured(ctx, async () => {
      const events = await eventsOf(db, item.id);
      await queueFeedPings(db, t0);
      hub.answer(500);
      expect(await sendDuePings(db, t0)).toEqual({ sent: 0, failed: 0 });
      let pings = await pingsOf(db, events);
      expect(pings.map((p) => [p.status, p.attempts, p.nextAttemptAt.getTime()])).toEqual(
        Array(6).fill(["queued", 1, at(BASE_MS).getTime()]),
      );
      expect(pings[0]!.lastError).toBe("HTTP 500: Hub is having a bad day");
      // Not due yet: nothing is sent.
      expect(await sendDuePings(db, at(BASE_MS - 1))).toEqual({ sent: 0, failed: 0 });
      expect(hub.requests).toHaveLength(6);
      expect(await sendDuePings(db, at(BASE_MS))).toEqual({ sent: 0, failed: 0 });
      pings = await pingsOf(db, events);
      expect(pings.map((p) => [p.attempts, p.nextAttemptAt.getTime()])).toEqual(Array(6).fill([2, at(3 * BASE_MS).getTime()]));
      hub.answer(202);
      expect(await sendDuePings(db, at(3 * BASE_MS))).toEqual({ sent: 6, failed: 0 });
      expect(await sendDuePings(db, at(3_600_000))).toEqual({ sent: 0, failed: 0 });
      const topics = await advertisedTopics(db);
      expect(hub.published().sort()).toEqual(topics);
      expect(hub.requests.map((r) => r.answeredWith).sort()).toEqual([...Array(6).fill(202), ...Array(12).fill(500)]);
      expect((await pingsOf(db, events)).map((p) => [p.status, p.lastError])).toEqual(Array(6).fill(["sent", null]));
    });
  });

  it("gives up after MAIL_MAX_ATTEMPTS, recording why, including a hub that does not answer at all", async ({ db, url, mediaDir }) => {
    const ctx = { url, mediaDir };
    const closed = await startHubReceiver();
    await closed.close();
    const item = await publishedThroughWorkflow(db, "Ping that never lands Ome");
    const t0 = new Date();
    const events = await eventsOf(db, item.id);
    await configured(ctx, () => queueFeedPings(db, t0));
    await configured(ctx, () => sendDuePings(db, t0), { WEBSUB_HUB_URL: closed.url, MAIL_MAX_ATTEMPTS: "2" });
    expect((await pingsOf(db, events))[0]!.lastError).toMatch(/ECONNREFUSED/);
    hub.answer(503);
    const last = await configured(ctx, () => sendDuePings(db, new Date(t0.getTime() + BASE_MS)), { MAIL_MAX_ATTEMPTS: "2" });
    hub.answer(202);
    expect(last).toEqual({ sent: 0, failed: 6 });
    const pings = await pingsOf(db, events);
    expect(pings.map((p) => [p.status, p.lastError])).toEqual(
      Array(6).fill(["failed", "Gave up after 2 attempts: HTTP 503: Hub is having a bad day"]),
    );
    expect(await configured(ctx, () => sendDuePings(db, new Date(t0.getTime() + 10 * 3_600_000)))).toEqual({ sent: 0, failed: 0 });
  });

  it("queues nothing and sends nothing with no hub configured, but still marks the event", async ({ db, url, mediaDir }) => {
    const ctx = { url, mediaDir };
    hub.requests.splice(0);
    const item = await publishedThroughWorkflow(db, "Quiet without a hub Hino");
    const now = new Date();
    await configured(
      ctx,
      async () => {
        expect(await queueFeedPings(db, now)).toBe(0);
        expect(await sendDuePings(db, now)).toEqual({ sent: 0, failed: 0 });
      },
      { WEBSUB_HUB_URL: undefined },
    );
    const events = await eventsOf(db, item.id);
    expect(await pingsOf(db, events)).toEqual([]);
    const [event] = await db.select().from(outboxEvents).where(eq(outboxEvents.id, events[0]!));
    expect(event!.pingsQueuedAt).toEqual(now);
    // A hub configured later does not ping for what happened before it.
    expect(await configured(ctx, () => queueFeedPings(db, now))).toBe(0);
    expect(hub.requests).toEqual([]);
  });
});

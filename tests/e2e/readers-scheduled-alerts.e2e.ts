import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import "../support/next-cache-stub";
import "../support/auth-stub";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";
import { startHubReceiver, type HubReceiver } from "../support/websub-hub";
import { addSubscribers } from "../integration/subscriber-fixtures";
import { killApp, startApp, waitUntil, type App } from "./support/readers-processes";
import { openNewsroom } from "./support/readers-newsroom";

vi.mock("server-only", () => ({}));

/**
 * A scheduled item goes live on the app's own timers — the scheduler tick, then the outbox
 * round — and its subscribers get the alert and the feed hub its ping, with nobody pressing
 * anything: the app is started with its timers on and the test only waits and looks.
 */
let dir: string;
let newsroom: Awaited<ReturnType<typeof openNewsroom>>;
let sink: SmtpSink;
let hub: HubReceiver;
let app: App;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "koho-scheduled-alerts-"));
  const databaseUrl = `file:${join(dir, "koho.db")}`;
  newsroom = await openNewsroom(databaseUrl);
  sink = await startSmtpSink();
  hub = await startHubReceiver();
  const port = 0;
  app = await startApp({
    databaseUrl,
    siteUrl: "http://news.test",
    port: port || undefined,
    env: {
      SCHEDULER: "on",
      SCHEDULER_INTERVAL_MS: "1000",
      OUTBOX_INTERVAL_MS: "500",
      SMTP_URL: sink.url,
      WEBSUB_HUB_URL: hub.url,
    },
  });
}, 120_000);

afterAll(async () => {
  if (app) await killApp(app);
  await sink?.close();
  await hub?.close();
  newsroom?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("a scheduled publication reaches subscribers and the hub on its own", () => {
  it("sends each confirmed subscriber one alert and pings the hub once per changed feed, with no manual step", async () => {
    await addSubscribers(newsroom.db, ["resident@example.jp", "journalist@example.jp"]);
    const { slug, title } = await newsroom.publish("Scheduled alert for the Sumida fireworks", { schedule: true });
    const arrived = await waitUntil(async () => sink.received.length >= 2 && hub.published().length >= 6, 45_000, 200);
    expect(arrived, `mail: ${sink.received.length}, pings: ${hub.published().join(" ")}\n${app.log.join("")}`).toBe(true);
    for (const address of ["resident@example.jp", "journalist@example.jp"]) {
      const mails = sink.to(address);
      expect(mails.map((m) => m.parsed.subject)).toEqual([title]);
      expect(mails[0]!.parsed.text).toContain(`http://news.test/news/${slug}`);
    }
    const topics = hub.published();
    expect(topics).toEqual(
      expect.arrayContaining(["http://news.test/feed.xml", "http://news.test/atom.xml", "http://news.test/feed.json"]),
    );
    expect(topics.some((t) => t.startsWith("http://news.test/category/government/"))).toBe(true);
    expect(new Set(topics).size).toBe(topics.length);
    // Further rounds add nothing: exactly once.
    await new Promise((r) => setTimeout(r, 2_000));
    expect(sink.received).toHaveLength(2);
    expect(hub.published()).toHaveLength(topics.length);
  });
});

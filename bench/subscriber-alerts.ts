import type { ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { appEnv, frontServer, timedGet } from "./app-server";
import { measureLoad, type LoadResult } from "./load";
import { freePort, startServer, stopProcess, treeRssBytes } from "./processes";
import { seedSubscribers, startSink, startWorker } from "./subscriber-alerts-setup";
import { dueItem, SCHEDULER_SECRET, tick, type ScenarioOptions } from "./publish-visibility";

/**
 * Issue 17's scale goal: 100,000 confirmed immediate subscribers, one publication through the
 * real engine (a scheduled item made due, one scheduler tick on the app), then the standalone
 * worker (`npm run outbox:worker`) against the same file, sending into a local SMTP sink
 * (bench/mail-sink.mjs). Measured: worker start → the 100,000th message accepted, the fan-out,
 * the worker's RSS every 250 ms, and the home and item pages' latency at a steady reader rate,
 * first with no mail going out, then while it goes.
 */
export const SUBSCRIBERS = 100_000;
/** Per page, over READER_CONNECTIONS: steady traffic well under one process's capacity (the routes table measures that), so the figure is the latency a reader sees rather than the queue behind a saturating load generator. */
const READER_RATE = 200;
const READER_CONNECTIONS = 10;
const RSS_EVERY_MS = 250;
/** Messages per second the issue asks for; a run slower than that is stopped once it has certainly missed it (the figure is then accepted ÷ elapsed). */
export const GOAL_PER_SECOND = 500;
const SLACK_MS = 20_000;

export type PageLoad = LoadResult & { name: string; path: string };
export type SubscriberAlerts = {
  subscribers: number;
  mailConnections: number;
  seedSeconds: number;
  publishMs: number;
  /** Spawn → the worker's "outbox worker:" line (Node, tsx, migrations checked). */
  startupMs: number | null;
  /** That line → the event's deliveries visible (the one INSERT…SELECT, committed). */
  fanOutMs: number | null;
  /** Spawn → first and last message accepted by the sink. */
  firstAcceptedMs: number | null;
  totalMs: number | null;
  messagesPerSecond: number;
  sendingPerSecond: number | null;
  accepted: number;
  distinct: number;
  recordedSent: number;
  rss: { ready: number | null; at10: number | null; at90: number | null; peak: number | null; end: number | null; samples: number };
  readers: { rate: number; connections: number; quiet: PageLoad[]; during: PageLoad[]; duringInsideSending: boolean };
};

const readers = (origin: string, pages: { name: string; path: string }[], duration: number, serverPid: number) =>
  Promise.all(
    pages.map(async (page) => ({
      ...page,
      ...(await measureLoad({ url: origin + page.path, connections: READER_CONNECTIONS, duration, overallRate: READER_RATE, serverPid })),
    })),
  );

const until = async (check: () => Promise<boolean>, ms: number, every = 50) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return Date.now();
    await new Promise((r) => setTimeout(r, every));
  }
  return null;
};

export async function measureSubscriberAlerts({
  repoRoot,
  databaseFile,
  dir,
  log,
  duration,
  subscribers = SUBSCRIBERS,
  mailConnections = Number(process.env.MAIL_CONNECTIONS ?? 8),
  workerEnv = {},
}: ScenarioOptions & {
  duration: number;
  subscribers?: number;
  mailConnections?: number;
  /** Extra environment for the worker only (an experiment's NODE_OPTIONS, say). */
  workerEnv?: Record<string, string>;
}): Promise<SubscriberAlerts> {
  const giveUpMs = (subscribers / GOAL_PER_SECOND) * 1000 + SLACK_MS;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "alerts.db");
  // A copy, so the other sections' figures (and database size) never see the 100k subscribers or their mail.
  const source = createClient({ url: `file:${databaseFile}` });
  await source.execute({ sql: "VACUUM INTO ?", args: [file] });
  source.close();
  const seedSeconds = await seedSubscribers(file, subscribers);
  log(`subscriber alerts: ${subscribers.toLocaleString("en-US")} confirmed subscribers inserted in ${seedSeconds.toFixed(1)} s`);
  const sink = await startSink(subscribers);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const app = await startServer(process.execPath, [frontServer(repoRoot), "-p", String(port), "-H", "127.0.0.1"], {
    cwd: repoRoot,
    url: `${origin}/robots.txt`,
    env: appEnv(repoRoot, file, { SITE_URL: origin, PORT: String(port), SCHEDULER_SECRET, OUTBOX_WORKER: "off" }),
  });
  const db = createClient({ url: `file:${file}` });
  await db.execute("PRAGMA busy_timeout = 5000");
  const worker: { child?: ChildProcess } = {};
  try {
    const item = await dueItem(file, 0);
    const publishStarted = performance.now();
    await tick(origin);
    const publishMs = performance.now() - publishStarted;
    const event = await db.execute({
      sql: "SELECT e.id FROM outbox_events e JOIN articles a ON a.id = e.article_id WHERE a.slug = ? AND e.kind = 'published'",
      args: [item.slug],
    });
    const eventId = Number(event.rows[0]?.id);
    if (!eventId) throw new Error(`the scheduler tick published ${item.slug} but recorded no outbox event`);
    const pages = [
      { name: "home", path: "/" },
      { name: "item", path: `/news/${item.slug}` },
    ];
    for (const page of pages) await timedGet(origin + page.path);
    // A fresh process answers its first seconds slower (JIT, caches filling): load it once, unmeasured.
    await readers(origin, pages, 8, app.pid);
    log(`subscriber alerts: home and the new item at ${READER_RATE} req/s each for ${duration} s, no mail going out…`);
    const quiet = await readers(origin, pages, duration, app.pid);

    log(`subscriber alerts: starting the outbox worker (${mailConnections} SMTP connections) against ${file}…`);
    const spawnedAt = Date.now();
    const w = startWorker(repoRoot, file, {
      ...workerEnv,
      SITE_URL: origin,
      SMTP_URL: sink.url,
      MAIL_CONNECTIONS: String(mailConnections),
    });
    worker.child = w.child;
    const rss: { at: number; bytes: number }[] = [];
    const sampler = setInterval(() => {
      const bytes = treeRssBytes(w.child.pid!);
      if (bytes) rss.push({ at: Date.now(), bytes });
    }, RSS_EVERY_MS);
    const readyAt = await Promise.race([w.ready, new Promise<null>((r) => setTimeout(() => r(null), 60_000))]);
    const queued = async () =>
      Number((await db.execute({ sql: "SELECT count(*) AS n FROM mail_deliveries WHERE event_id = ?", args: [eventId] })).rows[0]!.n) >=
      subscribers;
    const [queuedAt, during] = await Promise.all([
      until(queued, giveUpMs, 20),
      (async () => {
        log(`subscriber alerts: the same load while the worker sends…`);
        return { pages: await readers(origin, pages, duration, app.pid), endedAt: Date.now() };
      })(),
    ]);
    const left = Math.max(0, spawnedAt + giveUpMs - Date.now());
    const finished = await Promise.race([sink.done.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), left))]);
    clearInterval(sampler);
    // Stopped before the last count, so what the sink accepted and what the database recorded describe the same moment.
    await stopProcess(w.child);
    sink.child.send("report");
    await new Promise((r) => setTimeout(r, 100));
    if (!finished) {
      log(
        `subscriber alerts: ${sink.marks.at(-1)?.accepted ?? 0} accepted in ${(giveUpMs / 1000).toFixed(0)} s, below the goal; stopped there`,
      );
    }
    const sent = async () =>
      Number(
        (await db.execute({ sql: "SELECT count(*) AS n FROM mail_deliveries WHERE event_id = ? AND status = 'sent'", args: [eventId] }))
          .rows[0]!.n,
      );
    if (finished) await until(async () => (await sent()) >= subscribers, 10_000, 200);
    const last = sink.marks.at(-1);
    const doneAt = finished ? last!.at : null;
    const endAt = last?.at ?? Date.now();
    const first = sink.marks[0];
    const rssAt = (fraction: number) => {
      const mark = sink.marks.find((m) => m.accepted >= subscribers * fraction);
      return mark ? ((rss.findLast((s) => s.at <= mark.at) ?? rss[0])?.bytes ?? null) : null;
    };
    const readyRss = readyAt ? (rss.find((s) => s.at >= readyAt)?.bytes ?? null) : null;
    const totalMs = doneAt ? doneAt - spawnedAt : null;
    return {
      subscribers,
      mailConnections,
      seedSeconds,
      publishMs,
      startupMs: readyAt ? readyAt - spawnedAt : null,
      fanOutMs: readyAt && queuedAt ? queuedAt - readyAt : null,
      firstAcceptedMs: first ? first.at - spawnedAt : null,
      totalMs,
      messagesPerSecond: (last?.accepted ?? 0) / ((endAt - spawnedAt) / 1000),
      sendingPerSecond: last && first && last.at > first.at ? (last.accepted - first.accepted) / ((last.at - first.at) / 1000) : null,
      accepted: last?.accepted ?? 0,
      distinct: last?.distinct ?? 0,
      recordedSent: await sent(),
      rss: {
        ready: readyRss,
        at10: rssAt(0.1),
        at90: rssAt(0.9),
        peak: rss.length ? Math.max(...rss.map((s) => s.bytes)) : null,
        end: rss.at(-1)?.bytes ?? null,
        samples: rss.length,
      },
      readers: {
        rate: READER_RATE,
        connections: READER_CONNECTIONS,
        quiet,
        during: during.pages,
        duringInsideSending: during.endedAt <= endAt,
      },
    };
  } finally {
    db.close();
    if (worker.child) await stopProcess(worker.child);
    await stopProcess(app.child);
    await stopProcess(sink.child);
  }
}

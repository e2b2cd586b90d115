import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { createClient } from "@libsql/client";
import { appEnv, frontServer } from "./app-server";
import { startNginx } from "./nginx";
import { freePort, startBenchRedis, startServer, stopProcess } from "./processes";

/**
 * Publish-to-visible: a scheduled item is made due, one scheduler tick on process A publishes
 * it (the acknowledgement), and each surface is polled until it shows the item — on A itself,
 * on a second process B (same SQLite file, one Redis when redis-server exists), and through
 * deploy/nginx.conf in front of both. Milliseconds from the acknowledgement.
 */
export const SCHEDULER_SECRET = "koho-bench-scheduler-secret-0123456789abcdefgh";
const SURFACES = ["/", "/category/government", "/feed.xml", "/sitemap.xml"];
/** What each multi-process scenario is given: the repo (its build), the seeded database, a scratch folder, the progress log. */
export type ScenarioOptions = { repoRoot: string; databaseFile: string; dir: string; log: (s: string) => void };
/**
 * `next start` on `port` for a scenario: the bench build, loopback only, its scheduler tickable with
 * SCHEDULER_SECRET, publishes refreshed through nginx's `refreshPort`, at CPU priority `nice`.
 */
export function startScenarioApp(o: {
  repoRoot: string;
  databaseFile: string;
  port: number;
  siteUrl: string;
  refreshPort: number;
  redisUrl?: string;
  nice?: number;
}) {
  const next = [process.execPath, frontServer(o.repoRoot), "-p", String(o.port), "-H", "127.0.0.1"];
  return startServer("nice", ["-n", String(o.nice ?? 0), ...next], {
    cwd: o.repoRoot,
    url: `http://127.0.0.1:${o.port}/robots.txt`,
    env: appEnv(o.repoRoot, o.databaseFile, {
      SITE_URL: o.siteUrl,
      SCHEDULER_SECRET,
      PORT: String(o.port),
      KOHO_INTERNAL_URL: `http://127.0.0.1:${o.port}`,
      KOHO_PROXY_REFRESH_URL: `http://127.0.0.1:${o.refreshPort}`,
      ...(o.redisUrl ? { REDIS_URL: o.redisUrl } : {}),
    }),
  });
}

export type VisibilityRow = { where: string; surface: string; ms: number | null };

export async function dueItem(databaseFile: string, n: number) {
  const client = createClient({ url: `file:${databaseFile}` });
  await client.execute("PRAGMA busy_timeout = 5000"); // the app's processes may be writing (staff saves)
  const categoryId = Number((await client.execute("SELECT id FROM categories WHERE slug = 'government'")).rows[0]?.id);
  const slug = `bench-visibility-${n}-${Date.now()}`;
  const title = `Bench visibility item ${n} ${randomUUID().slice(0, 8)}`;
  const now = Date.now();
  const a = await client.execute({
    sql: "INSERT INTO articles (slug, guid, status, category_id, created_at, updated_at) VALUES (?, ?, 'draft', ?, ?, ?) RETURNING id",
    args: [slug, randomUUID(), categoryId, now, now],
  });
  const doc = JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: title }] }] });
  await client.execute({
    sql: `INSERT INTO article_editions (article_id, number, state, title, summary, body, category_id, dateline_date, scheduled_for, created_at, updated_at)
          VALUES (?, 1, 'scheduled', ?, 'Benchmark item.', ?, ?, '2026-11-20', ?, ?, ?)`,
    args: [Number(a.rows[0]!.id), title, doc, categoryId, now - 1_000, now, now],
  });
  client.close();
  return { slug, title };
}

export async function tick(origin: string) {
  const res = await fetch(`${origin}/api/scheduler/run`, { method: "POST", headers: { authorization: `Bearer ${SCHEDULER_SECRET}` } });
  if (!res.ok) throw new Error(`scheduler tick on ${origin} answered ${res.status}`);
}

/** Polls every surface every 10 ms for up to 15 s; null means it never showed. */
async function timeToVisible(where: string, origin: string, ack: number, slug: string): Promise<VisibilityRow[]> {
  return Promise.all(
    SURFACES.map(async (surface) => {
      while (Date.now() - ack < 15_000) {
        const body = await fetch(origin + surface)
          .then((r) => r.text())
          .catch(() => "");
        if (body.includes(slug)) return { where, surface, ms: Date.now() - ack };
        await new Promise((r) => setTimeout(r, 10));
      }
      return { where, surface, ms: null };
    }),
  );
}

export async function measurePublishToVisible({ repoRoot, databaseFile, dir, log }: ScenarioOptions) {
  mkdirSync(dir, { recursive: true });
  const redis = await startBenchRedis();
  if (!redis) log("redis-server not found: the two processes share only the database");
  const [portA, portB, nginxPort, refreshPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const siteUrl = `http://127.0.0.1:${nginxPort}`;
  const start = (port: number) => startScenarioApp({ repoRoot, databaseFile, port, siteUrl, refreshPort, redisUrl: redis?.url });
  const [a, b] = [await start(portA), await start(portB)];
  const nginx = await startNginx({
    repoRoot,
    appPort: portA,
    appPorts: [portA, portB],
    refreshPort,
    dir: join(dir, "nginx"),
    port: nginxPort,
  });
  if (!nginx) log("nginx not found: no row through deploy/nginx.conf");
  const origins = {
    "one process": `http://127.0.0.1:${portA}`,
    "second process": `http://127.0.0.1:${portB}`,
    ...(nginx ? { "through nginx": nginx.origin } : {}),
  };
  const rows: VisibilityRow[] = [];
  let n = 0;
  for (const [where, origin] of Object.entries(origins)) {
    for (const surface of SURFACES) for (let i = 0; i < 2; i++) await fetch(origin + surface).then((r) => r.text());
    const item = await dueItem(databaseFile, n++);
    await tick(origins["one process"]);
    rows.push(...(await timeToVisible(where, origin, Date.now(), item.slug)));
  }
  for (const child of [a.child, b.child, ...(nginx ? [nginx.child] : [])]) await stopProcess(child);
  redis?.stop();
  return rows;
}

export function visibilityTable(rows: VisibilityRow[]): string {
  const lines = ["| where | surface | publish → visible |", "|---|---|---|"];
  for (const r of rows) lines.push(`| ${r.where} | \`${r.surface}\` | ${r.ms === null ? "not within 15 s" : `${r.ms} ms`} |`);
  return lines.join("\n");
}

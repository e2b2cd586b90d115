import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { execFile, execFileSync } from "node:child_process";
import { createClient } from "@libsql/client";
import type { Page } from "playwright-core";
import { CHROMIUM_PATH, launchBrowser } from "../tests/e2e/support/browser";
import { Studio } from "../tests/e2e/pages/studio";
import { startNginx } from "./nginx";
import { freePort, startBenchRedis, stopProcess } from "./processes";
import { dueItem, startScenarioApp, tick, type ScenarioOptions } from "./publish-visibility";
import { percentile } from "./stats";

/**
 * Staff under a reader flood, on the shipped deployment: deploy/nginx.conf in front of one
 * readers' process and one staff process (its `koho_studio` upstream, which also renders the
 * publish refreshes), same database, one Redis when redis-server exists. Five people in Chromium
 * each edit their own draft, typing a word every 2.2 s so the editor autosaves about every 2 s;
 * each save is timed by nginx (see savesFromLog). First 15 s quiet, then 200 connections flood
 * the readers' side through nginx for 30 s (home, categories, the archive, feeds and 2,000
 * distinct items, so that both nginx's and the app's caches miss often) while the saves go on
 * and, half-way, one scheduled item is published and timed until home shows it through nginx.
 *
 * Everything shares this machine's cores, so the processes get the priorities a deployment gives
 * them (README "Staff during a rush"): the staff process and nginx normal, the readers' process
 * niced, and what stands for other computers (the browsers, the load generator) lowest.
 */
const STAFF = [
  ["writer@koho.example", "writer-demo-pass"],
  ["editor@koho.example", "editor-demo-pass"],
  ["publisher@koho.example", "publisher-demo-pass"],
  ["admin@koho.example", "admin-demo-pass"],
  ["writer@koho.example", "writer-demo-pass"],
] as const;
const QUIET_SECONDS = 15;
const FLOOD_SECONDS = 30;
const FLOOD_CONNECTIONS = 200;
const TYPE_EVERY_MS = 2_200;
/** CPU priorities on this one machine: staff process 0, readers' processes 10, the clients (browsers, load) lowest. */
const READERS_NICE = 10;
const CLIENT_NICE = 19;

/** `at`: epoch ms when nginx logged the answer; `ms`: its time at the edge. */
type Save = { at: number; ms: number; ok: boolean };
export type SaveFigures = { saves: number; failed: number; p50: number; p95: number; p99: number };
export type StaffUnderFlood = {
  quiet: SaveFigures;
  flood: SaveFigures;
  readers: { rps: number; p99: number; errors: number; timeouts: number; statusCodes: Record<string, number> };
  /** What nginx logged of the same flood: how many answers took it ≥ 5 s or lost their client (499), the slowest 20. */
  slowAtProxy: { count: number; slowest: string[] };
  publishToVisibleMs: number | null;
};

function figures(saves: Save[]): SaveFigures {
  const ms = saves.filter((s) => s.ok).map((s) => s.ms);
  return {
    saves: saves.length,
    failed: saves.filter((s) => !s.ok).length,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
  };
}

/**
 * Every server-action POST (an autosave is one) from nginx's log of staff requests: its time at
 * the edge, from the request's first byte to the answer's last. Timed there rather than in the
 * browser, because the browsers run at the lowest priority (they stand for the staff's own
 * computers) and their own waiting for the CPU is not the server's.
 */
function savesFromLog(file: string): Save[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .map((line) => /^(\d+\.\d+) POST (\d{3}) (\d+\.\d+) "([0-9a-f]{8,})"$/.exec(line.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ at: Number(m[1]) * 1000, ms: Number(m[3]) * 1000, ok: Number(m[2]) < 400 }));
}

/** nginx's log of answers that took it ≥ 5 s or whose client left first (bench/nginx.ts), slowest first: "<total> s (upstream <s>, <cache>) <uri>". */
function slowAnswers(file: string): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .map((line) => line.trim().split(" "))
    .filter((f) => f.length >= 6)
    .sort((a, b) => Number(b[2]) - Number(a[2]))
    .map(([, status, total, upstream, cache, uri]) => `${total} s ${status} (upstream ${upstream}, ${cache}) ${uri}`);
}

/** The flood from bench/flood-worker.mjs, at the lowest CPU priority (see there); its options go through a file. */
function runFlood(
  dir: string,
  options: { url: string; connections: number; duration: number; paths: string[] },
): Promise<StaffUnderFlood["readers"]> {
  const worker = join(dirname(fileURLToPath(import.meta.url)), "flood-worker.mjs");
  const file = join(dir, "flood.json");
  writeFileSync(file, JSON.stringify(options));
  return new Promise((resolve, reject) =>
    execFile("nice", ["-n", String(CLIENT_NICE), process.execPath, worker, file], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout) =>
      error ? reject(error) : resolve(JSON.parse(stdout) as StaffUnderFlood["readers"]),
    ),
  );
}

async function readerPaths(databaseFile: string): Promise<string[]> {
  const client = createClient({ url: `file:${databaseFile}` });
  const slugs = (await client.execute("SELECT slug FROM articles WHERE status = 'published' ORDER BY id DESC LIMIT 2000")).rows.map(
    (r) => `/news/${String(r.slug)}`,
  );
  const categories = (await client.execute("SELECT slug FROM categories")).rows.map((r) => `/category/${String(r.slug)}`);
  client.close();
  const fixed = ["/", "/feed.xml", "/archive", "/page/2", ...categories];
  // One fixed page after every ten items: the pages everybody opens stay hot, the items spread.
  return slugs.flatMap((slug, i) => (i % 10 === 0 ? [fixed[(i / 10) % fixed.length]!, slug] : [slug]));
}

export async function measureStaffUnderFlood({ repoRoot, databaseFile, dir, log }: ScenarioOptions): Promise<StaffUnderFlood> {
  mkdirSync(dir, { recursive: true });
  const redis = await startBenchRedis();
  const [readersPort, studioPort, nginxPort, refreshPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const origin = `http://127.0.0.1:${nginxPort}`;
  // Readers' processes at a lower CPU priority (deploy: systemd `Nice=10`): when a rush saturates
  // the machine, the staff process still gets the CPU it asks for.
  const start = (port: number, nice: number) =>
    startScenarioApp({ repoRoot, databaseFile, port, siteUrl: origin, refreshPort, redisUrl: redis?.url, nice });
  const [readers, studio] = [await start(readersPort, READERS_NICE), await start(studioPort, 0)];
  const staffLog = join(dir, "staff-requests.log");
  const nginx = await startNginx({
    repoRoot,
    appPort: readersPort,
    studioPort,
    refreshPort,
    dir: join(dir, "nginx"),
    port: nginxPort,
    staffLog,
  });
  if (!nginx) throw new Error("staff under flood needs nginx (apt-get install -y nginx)");
  const browser = await launchBrowser();
  let typing = true;
  try {
    log(`staff under flood: signing in ${STAFF.length} staff through nginx…`);
    const editors: Page[] = [];
    for (const [email, password] of STAFF) {
      // One after another: five first renders of the studio at once only measure a cold start.
      const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
      const desk = new Studio(page, origin);
      await desk.signInAndWait(email, password).catch(async (error: unknown) => {
        throw new Error(
          `${email} could not sign in through nginx (at ${page.url()}: ${await page
            .locator("main")
            .innerText()
            .catch(() => "")})`,
          { cause: error },
        );
      });
      await desk.newArticle();
      await desk.body().click();
      editors.push(page);
    }
    // The staff's browsers stand for their own computers: on this machine they must not take the
    // servers' CPU (five editors rendering took more than the staff process did), so they run niced.
    execFileSync("sh", [
      "-c",
      `for p in $(pgrep -f ${JSON.stringify(CHROMIUM_PATH)}); do renice -n ${CLIENT_NICE} -p $p; done >/dev/null 2>&1 || true`,
    ]);
    const typists = editors.map(async (page, n) => {
      for (let i = 0; typing; i++) {
        await page.keyboard.type(` word${n}-${i}`).catch(() => undefined);
        await new Promise((r) => setTimeout(r, TYPE_EVERY_MS));
      }
    });
    log(`staff under flood: ${QUIET_SECONDS} s of saves with no readers…`);
    await new Promise((r) => setTimeout(r, QUIET_SECONDS * 1000));
    const floodStart = Date.now();
    const paths = await readerPaths(databaseFile);
    log(`staff under flood: ${FLOOD_CONNECTIONS} reader connections through nginx for ${FLOOD_SECONDS} s over ${paths.length} addresses…`);
    const flood = runFlood(dir, { url: origin, connections: FLOOD_CONNECTIONS, duration: FLOOD_SECONDS, paths });
    await new Promise((r) => setTimeout(r, (FLOOD_SECONDS / 2) * 1000));
    const item = await dueItem(databaseFile, 99);
    await tick(`http://127.0.0.1:${studioPort}`);
    const ack = Date.now();
    let publishToVisibleMs: number | null = null;
    while (Date.now() - ack < 10_000) {
      const home = await fetch(`${origin}/`).then(
        (r) => r.text(),
        () => "",
      );
      if (home.includes(item.slug)) {
        publishToVisibleMs = Date.now() - ack;
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    const readersResult = await flood;
    const floodEnd = Date.now();
    typing = false;
    await Promise.all(typists);
    const saves = savesFromLog(staffLog);
    const slow = slowAnswers(join(dir, "nginx", "slow-requests.log"));
    if (slow.length > 0)
      log(
        `staff under flood: ${slow.length} requests took nginx ≥ 5 s or were abandoned by their client (499); the slowest: ${slow.slice(0, 5).join(" | ")}`,
      );
    return {
      quiet: figures(saves.filter((s) => s.at < floodStart)),
      flood: figures(saves.filter((s) => s.at >= floodStart && s.at <= floodEnd)),
      readers: readersResult,
      slowAtProxy: { count: slow.length, slowest: slow.slice(0, 20) },
      publishToVisibleMs,
    };
  } finally {
    typing = false;
    await browser.close().catch(() => undefined);
    for (const child of [readers.child, studio.child, nginx.child]) await stopProcess(child);
    redis?.stop();
  }
}

export function staffTable(r: StaffUnderFlood): string {
  const row = (name: string, f: SaveFigures) =>
    `| ${name} | ${f.saves} | ${f.failed} | ${f.p50.toFixed(0)} ms | ${f.p95.toFixed(0)} ms | ${f.p99.toFixed(0)} ms |`;
  const codes = Object.entries(r.readers.statusCodes)
    .map(([code, n]) => `${n} × ${code}`)
    .join(", ");
  return [
    "| staff saves | saves | failed | p50 | p95 | p99 |",
    "|---|---|---|---|---|---|",
    row("no readers", r.quiet),
    row(`${FLOOD_CONNECTIONS}-connection reader flood`, r.flood),
    "",
    `readers through nginx during the flood: ${r.readers.rps.toFixed(0)} req/s, p99 ${r.readers.p99} ms, ${r.readers.errors} errors (${r.readers.timeouts} of them timeouts at 10 s; ${codes}); nginx logged ${r.slowAtProxy.count} answers of ≥ 5 s or left by their client; publish → visible on home through nginx: ${r.publishToVisibleMs === null ? "not within 10 s" : `${r.publishToVisibleMs} ms`}`,
  ].join("\n");
}

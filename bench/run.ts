/**
 * npm run bench — builds Kōhō into .next-bench, seeds a fresh database with N generated items,
 * serves it with `next start`, and measures it under load against two baselines (a minimal
 * static Next page of the same HTML size and the same HTML from plain Node). See bench/README.md.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { BUSY_TIMEOUT_MS, openDatabase } from "@/db/client";
import { buildApp, BENCH_DIST_DIR, hasBuild, startApp, timedGet } from "./app-server";
import { parseBenchArgs, USAGE } from "./args";
import { measureBaselines } from "./baselines";
import { measureFiles, routeFirstLoadJs, servedScriptFiles } from "./bundle-size";
import { measureDatabase } from "./db-timings";
import { measureFlood } from "./flood";
import { runLighthouse } from "./lighthouse";
import { startNginx } from "./nginx";
import { measurePublishToVisible } from "./publish-visibility";
import { measureLoad } from "./load";
import { installCleanup, stopAll, stopProcess, treeRssBytes } from "./processes";
import { printReport } from "./print-report";
import { machine, type RouteResult } from "./report";
import { measureStaffUnderFlood, staffTable } from "./staff-under-flood";
import { coldTimings } from "./cold-timings";
import { createBenchDatabase, databaseBytes, newestPublishedSlug } from "./seed-items";
import { measureAtScale, runDatabaseOnly } from "./db-only";
import { formatKb, formatMb } from "./stats";
import { runSubscriberAlertsOnly, subscriberAlertsSection } from "./subscriber-alerts-report";
import { buildVerdicts, subscriberAlertVerdicts } from "./verdicts";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

let options;
try {
  options = parseBenchArgs(process.argv.slice(2));
} catch (error) {
  console.error(String(error instanceof Error ? error.message : error));
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

const workDir = mkdtempSync(join(tmpdir(), "koho-bench-"));
const databaseFile = join(workDir, "koho.db");
installCleanup(() => {
  if (!options.keepDb) rmSync(workDir, { recursive: true, force: true });
});
const startedAt = Date.now();
const machineAtStart = machine();
log(`machine: ${machineAtStart.cpu}, ${machineAtStart.memory}, Node ${machineAtStart.node}; load average ${machineAtStart.loadAverage}`);

// 1. Database.
const seedsDir = process.env.SEEDS_DIR ?? join(repoRoot, "db", "demo");
if (options.only === "db") {
  await runDatabaseOnly({ options, workDir, seedsDir, repoRoot, log });
  await stopAll();
  process.exit(0);
}
log(`seeding ${options.items.toLocaleString("en-US")} generated items into ${databaseFile}…`);
const seeded = await createBenchDatabase({ file: databaseFile, items: options.items, seedsDir });
log(
  `seeded ${seeded.indexed.toLocaleString("en-US")} public items in ${seeded.seconds.toFixed(1)} s (inserts ${seeded.insertSeconds.toFixed(1)} s, search index ${(seeded.seconds - seeded.insertSeconds).toFixed(1)} s)${seeded.demo ? " (demo content included)" : " (no seeds folder: generated items only)"}`,
);
const newest = await newestPublishedSlug(seeded.handle);
seeded.handle.client.close();

// 2. Build.
let buildMode = "reused";
if (options.build || !hasBuild(repoRoot)) {
  log(`building into ${BENCH_DIST_DIR} (a few minutes on a busy machine)…`);
  const t = performance.now();
  buildMode = (await buildApp(repoRoot, databaseFile, log)).mode;
  log(`built with ${buildMode} in ${((performance.now() - t) / 1000).toFixed(0)} s`);
}

if (options.only === "staff") {
  const staff = await measureStaffUnderFlood({ repoRoot, databaseFile, dir: join(workDir, "staff"), log });
  console.log(`\n${staffTable(staff)}\n`);
  await stopAll();
  process.exit(0);
}
// On a copy of the database, so the other sections' timings and sizes never see the subscribers or their mail.
const { duration, subscribers } = options;
const alertsOptions = { repoRoot, databaseFile, dir: join(workDir, "alerts"), duration, subscribers, log };
if (options.only === "subscriber-alerts") {
  await runSubscriberAlertsOnly(alertsOptions);
  await stopAll();
  process.exit(0);
}

// 3. Server, cold timings, warm-up.
const app = await startApp(repoRoot, databaseFile);
log(`next start on ${app.origin} (pid ${app.pid}); RSS idle ${formatMb(treeRssBytes(app.pid))}`);
const articlePath = `/news/${newest}`;
const { routes, cold } = await coldTimings(app.origin, articlePath);
const feed = await timedGet(`${app.origin}/feed.xml`);
const etag = feed.headers.get("etag") ?? "";
const articleHtml = (await timedGet(app.origin + articlePath)).body;
const articleFile = join(workDir, "article.html");
writeFileSync(articleFile, articleHtml);
log(`article ${articlePath}: ${formatKb(articleHtml.length)} of HTML; feed ETag ${etag || "(none!)"}`);

// 4. Baselines, measured right before the article so both see the same neighbours.
const load = (url: string, headers?: Record<string, string>, serverPid?: number) =>
  measureLoad({ url, headers, serverPid, connections: options.connections, duration: options.duration });
const baselines = options.baselines
  ? await measureBaselines({
      repoRoot,
      articleFile,
      articleBytes: articleHtml.length,
      workDir,
      load,
      log,
      lighthouseRuns: options.lighthouse ? options.lighthouseRuns : 0,
    })
  : undefined;
const [staticNext, plainNode, nginxBaseline] = [baselines?.staticNext, baselines?.plainNode, baselines?.nginx];

// 5. The app's routes.
const results: RouteResult[] = [];
for (const route of routes) {
  log(`measuring ${route.name} ${route.path} for ${options.duration} s…`);
  const headers = route.expectStatus === 304 ? { "If-None-Match": etag } : undefined;
  results.push({ ...route, ...(await load(app.origin + route.path, headers, app.pid)) });
}
results.push(
  ...(await measureFlood({
    origin: app.origin,
    routes: routes.filter((r) => ["article", "home", "feed"].includes(r.name)),
    duration: options.duration,
    serverPid: app.pid,
    log,
  })),
);
const rssAfter = treeRssBytes(app.pid);
if (options.nginx) {
  const nginx = await startNginx({ repoRoot, appPort: Number(new URL(app.origin).port), dir: join(workDir, "nginx") });
  if (!nginx) log("nginx not found: skipping the rows through deploy/nginx.conf");
  else {
    for (const route of routes.filter((r) => r.name === "article" || r.name === "feed")) {
      await timedGet(nginx.origin + route.path);
      log(`measuring ${route.name} through nginx for ${options.duration} s…`);
      results.push({ ...route, name: `${route.name} via nginx`, ...(await load(nginx.origin + route.path)) });
    }
    await stopProcess(nginx.child);
  }
}

// 6. Lighthouse on the three reader pages, then stop the server before the quiet timings.
const appLighthouse = options.lighthouse
  ? await runLighthouse({
      repoRoot,
      origin: app.origin,
      pages: [
        { name: "home", path: "/" },
        { name: "article", path: articlePath },
        { name: "category", path: "/category/tourism" },
      ],
      runs: options.lighthouseRuns,
      dir: workDir,
      log,
    })
  : undefined;
// The baseline's scores first, as the ceiling this machine allows (bench/baselines.ts).
const lighthouse =
  appLighthouse && "pages" in appLighthouse && baselines?.lighthouse && "pages" in baselines.lighthouse
    ? { pages: [...baselines.lighthouse.pages, ...appLighthouse.pages] }
    : appLighthouse;
if (lighthouse && "skipped" in lighthouse) log(lighthouse.skipped);
await stopProcess(app.child);

log("publish → visible: one process, a second process, through nginx…");
const visibility = await measurePublishToVisible({ repoRoot, databaseFile, dir: join(workDir, "visibility"), log });
const staff = options.staff
  ? await measureStaffUnderFlood({ repoRoot, databaseFile, dir: join(workDir, "staff"), log }).catch((error: unknown) => {
      log(`staff under flood did not run: ${String(error).split("\n")[0]}`);
      return undefined;
    })
  : undefined;

const alerts = options.subscribers ? await subscriberAlertsSection(alertsOptions) : undefined;

log(`timing database queries (${options.queries} per kind)…`);
const handle = await openDatabase(`file:${databaseFile}`);
const db = await measureDatabase(handle.db, options.queries);
handle.client.close();
// What the served article loads (its HTML's scripts), and, scanned for editor and auth code too,
// what its route would load if it hydrated.
const articleJs = measureFiles(join(repoRoot, BENCH_DIST_DIR), servedScriptFiles(articleHtml.toString("utf8")));
const articleRouteJs = routeFirstLoadJs(join(repoRoot, BENCH_DIST_DIR), "(site)/news/[slug]");
const scale = options.scale
  ? await measureAtScale({ file: join(workDir, "scale.db"), items: options.scale, queries: options.queries, seedsDir, log })
  : undefined;

// 7. Report.
const verdicts = [
  ...buildVerdicts({
    items: options.items,
    results,
    staticNext,
    articleJs,
    articleRouteJs,
    baselineJs: staticNext?.firstLoad ?? null,
    db,
    lighthouse,
    staff,
  }),
  ...(alerts ? subscriberAlertVerdicts(alerts, BUSY_TIMEOUT_MS) : []),
  ...(scale?.verdicts ?? []),
];
const machineAtEnd = machine();
const report = {
  options,
  machineAtStart,
  machineAtEnd,
  baselines: { staticNext, plainNode, nginx: nginxBaseline },
  articleBytes: articleHtml.length,
  results,
  rssAfter,
  databaseBytes: databaseBytes(databaseFile),
  buildMode,
  cold,
  db,
  articleJs,
  articleRouteJs,
  visibility,
  staff,
  alerts,
  scale,
  verdicts,
};
printReport(report);
const seeding = { items: seeded.indexed, seconds: seeded.seconds, insertSeconds: seeded.insertSeconds };
const summary = { generatedAt: new Date().toISOString(), seconds: (Date.now() - startedAt) / 1000, seeding, articlePath, lighthouse };
writeFileSync(join(repoRoot, "bench", "results.json"), `${JSON.stringify({ ...summary, ...report }, null, 2)}\n`);
log(
  `wrote bench/results.json; ${((Date.now() - startedAt) / 1000).toFixed(0)} s in all${options.keepDb ? `; database kept at ${databaseFile}` : ""}`,
);
await stopAll();
process.exit(0);

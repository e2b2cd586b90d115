/**
 * `npx tsx bench/profile.ts [--items 2000] [--duration 15] [--connections 50] [--no-build] [--dir /tmp/koho-prof]`
 *
 * Where does a cache hit spend its time? Seeds a bench database, builds into .next-bench
 * (unless --no-build), starts the app server (`npm start`'s) under `node --cpu-prof`, warms and loads each public
 * route with autocannon, stops the server (Next exits on SIGTERM, so V8 writes the profile) and
 * prints the profile's self time by function and by file (scripts/profile-summary.mjs).
 */
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { appEnv, BENCH_DIST_DIR, buildApp, frontServer, hasBuild, timedGet } from "./app-server";
import { measureLoad } from "./load";
import { freePort, installCleanup, startServer, stopProcess } from "./processes";
import { createBenchDatabase } from "./seed-items";
import { summariseProfile } from "../scripts/profile-summary.mjs";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const items = Number(arg("items", "2000"));
const duration = Number(arg("duration", "15"));
const connections = Number(arg("connections", "50"));
const dir = arg("dir", "/tmp/koho-prof");
const log = (m: string) => console.log(`[profile ${new Date().toISOString().slice(11, 19)}] ${m}`);

installCleanup();
rmSync(dir, { recursive: true, force: true });
mkdirSync(join(dir, "cpu"), { recursive: true });
const databaseFile = join(dir, "koho.db");
const seeded = await createBenchDatabase({ file: databaseFile, items, seedsDir: join(repoRoot, "db", "demo") });
const [newest] = await seeded.handle.db.all<{ slug: string }>(
  sql`SELECT slug FROM articles WHERE status = 'published' ORDER BY first_published_at DESC, id DESC LIMIT 1`,
);
seeded.handle.client.close();
if (!process.argv.includes("--no-build") || !hasBuild(repoRoot)) {
  log(`building into ${BENCH_DIST_DIR}…`);
  log(`built with ${(await buildApp(repoRoot, databaseFile, log)).mode}`);
}

const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const appServer = frontServer(repoRoot);
const server = await startServer(
  process.execPath,
  ["--cpu-prof", `--cpu-prof-dir=${join(dir, "cpu")}`, appServer, "-p", String(port), "-H", "127.0.0.1"],
  { cwd: repoRoot, env: appEnv(repoRoot, databaseFile, { SITE_URL: origin, PORT: String(port) }), url: `${origin}/robots.txt` },
);
const paths = (arg("paths", "") || `/news/${newest!.slug},/,/category/tourism,/feed.xml,/search?q=quetzalcoatl,/search?q=governor`).split(
  ",",
);
for (const path of paths) {
  for (let i = 0; i < 5; i++) await timedGet(origin + path);
  const r = await measureLoad({ url: origin + path, connections, duration, serverPid: server.pid });
  log(`${path}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}, ${JSON.stringify(r.statusCodes)}`);
}
// SIGTERM and time to write the profile (stopProcess would SIGKILL a busy server after 3 s).
const exited = new Promise((resolve) => server.child.once("exit", resolve));
process.kill(-server.pid, "SIGTERM");
await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 60_000))]);
await stopProcess(server.child);
const profiles = readdirSync(join(dir, "cpu")).filter((f) => f.endsWith(".cpuprofile"));
if (!profiles.length) log("no .cpuprofile written (did the server exit through process.exit?)");
for (const file of profiles) {
  log(`profile ${file}`);
  console.log(summariseProfile(join(dir, "cpu", file), { top: 40 }));
}
process.exit(0);

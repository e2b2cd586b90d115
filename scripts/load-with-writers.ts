/**
 * Load with writers: 200 reader connections (autocannon, against / and a news
 * item) for 30 s while 5 editors save and publish continuously in a second
 * process on the same database file (the server's scheduler writes too). Prints the figures; exits 1 on any
 * failed reader request, any SQLITE_BUSY an editor saw, or a lost update.
 *
 *   npx tsx scripts/load-with-writers.ts            (uses the build in .next-e2e-security)
 *   LOAD_DIST_DIR=.next LOAD_SECONDS=30 npx tsx scripts/load-with-writers.ts
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import autocannon from "autocannon";
import { prepareDatabase } from "@/db/setup";

const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const READERS = Number(process.env.LOAD_READERS ?? 200);
const WRITERS = Number(process.env.LOAD_WRITERS ?? 5);
const PORT = 4100 + Math.floor(Math.random() * 400);

const dir = mkdtempSync(join(tmpdir(), "koho-load-"));
const url = `file:${join(dir, "koho.db")}`;
const { handle } = await prepareDatabase({ url, demo: true, seedsDir: resolve("db/demo") });
const [article] = (await handle.client.execute("SELECT slug FROM articles WHERE status = 'published' LIMIT 1")).rows;
handle.client.close();

const server = spawn(process.execPath, ["server/http/front-server.mjs", "-p", String(PORT)], {
  env: {
    ...process.env,
    DATABASE_URL: url,
    NEXT_DIST_DIR: process.env.LOAD_DIST_DIR ?? ".next-e2e-security",
    AUTH_SECRET: "koho-load-secret-0123456789abcdefghijklmnopqrstuvwxyz",
    SITE_URL: `http://localhost:${PORT}`,
    SCHEDULER_INTERVAL_MS: "2000",
    NEXT_TELEMETRY_DISABLED: "1",
  },
  stdio: ["ignore", "ignore", "inherit"],
  detached: true,
});
const base = `http://localhost:${PORT}`;
try {
  for (let i = 0; ; i++) {
    if (i > 240) throw new Error("server did not start");
    if (
      await fetch(base).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 250));
  }
  // The editors share one process and one client, as they share the app server in production.
  const summaries = new Promise<Record<string, unknown>[]>((done, fail) => {
    const child = spawn(
      "node",
      ["--conditions=react-server", "--import", "tsx", "tests/support/security-load-writer.ts", url, String(SECONDS), String(WRITERS)],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    child.stdout!.on("data", (d) => (out += d));
    child.on("exit", (code) =>
      code === 0
        ? done(
            out
              .trim()
              .split("\n")
              .map((l) => JSON.parse(l) as Record<string, unknown>),
          )
        : fail(new Error(`the editors' process exited ${code}`)),
    );
  });
  // Readers alternate between the home page and a news item (`requests` is missing from autocannon's typings).
  const options = {
    url: base,
    connections: READERS,
    duration: SECONDS,
    timeout: 30,
    requests: [{ path: "/" }, { path: `/news/${article!.slug}` }],
  };
  const readers = await autocannon(options as Parameters<typeof autocannon>[0]);
  const editors = await summaries;
  const busy = editors.reduce((n, e) => n + Number(e.busy), 0);
  const lost = editors.filter((e) => Number(e.finalVersion) !== Number(e.saves) + 1);
  const other = editors.flatMap((e) => e.otherErrors as string[]);
  const failedReads = readers.errors + readers.timeouts + readers.non2xx;
  const figures = {
    readers: {
      connections: READERS,
      seconds: SECONDS,
      requests: readers.requests.total,
      failed: failedReads,
      non2xx: readers.non2xx,
      errors: readers.errors,
      timeouts: readers.timeouts,
      rps: readers.requests.average,
      p99ms: readers.latency.p99,
    },
    writers: {
      editors: WRITERS,
      saves: editors.reduce((n, e) => n + Number(e.saves), 0),
      publishes: editors.reduce((n, e) => n + Number(e.publishes), 0),
      conflicts: editors.reduce((n, e) => n + Number(e.conflicts), 0),
      sqliteBusy: busy,
      lostUpdates: lost.length,
      otherErrors: other.length,
    },
  };
  console.log(JSON.stringify(figures, null, 2));
  if (other.length) console.error(other.slice(0, 5));
  process.exitCode = failedReads === 0 && busy === 0 && lost.length === 0 && other.length === 0 ? 0 : 1;
} finally {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
  // Let the server stop before its database goes, or its last scheduler tick logs a missing table.
  await new Promise((r) => (server.exitCode !== null ? r(null) : (server.once("exit", r), setTimeout(r, 5_000))));
  rmSync(dir, { recursive: true, force: true });
}

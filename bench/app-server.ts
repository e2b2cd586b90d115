import { existsSync } from "node:fs";
import { join } from "node:path";
import { freePort, runCommand, startServer } from "./processes";
import { guardTsconfig } from "./tsconfig-guard";

export const BENCH_DIST_DIR = ".next-bench";
/** Only for this throwaway benchmark server; production needs its own secret. */
const BENCH_AUTH_SECRET = "koho-bench-only-secret-not-for-production-0000";

export function appEnv(repoRoot: string, databaseFile: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: BENCH_DIST_DIR,
    DATABASE_URL: `file:${databaseFile}`,
    AUTH_SECRET: process.env.AUTH_SECRET && process.env.AUTH_SECRET.length >= 32 ? process.env.AUTH_SECRET : BENCH_AUTH_SECRET,
    SCHEDULER: "off",
    KOHO_DEMO: "0",
    SEEDS_DIR: join(repoRoot, "db", "demo"),
    ...extra,
  };
}

const nextBin = (repoRoot: string) => join(repoRoot, "node_modules", "next", "dist", "bin", "next");
/** What `npm start` runs: Next behind the front server's cache answers (server/http/front-server.mjs). */
export const frontServer = (repoRoot: string) => join(repoRoot, "server", "http", "front-server.mjs");

export const hasBuild = (repoRoot: string) => existsSync(join(repoRoot, BENCH_DIST_DIR, "BUILD_ID"));

/**
 * `next build` into .next-bench against the seeded database (pages prerendered at build read
 * it). If the full build fails — on a shared checkout that is usually a type error in someone
 * else's unfinished file — it retries with the compile + generate modes, which produce the
 * same output without the type check, and says so.
 */
export async function buildApp(repoRoot: string, databaseFile: string, log: (s: string) => void): Promise<{ mode: string }> {
  const env = appEnv(repoRoot, databaseFile);
  const restore = guardTsconfig(join(repoRoot, "tsconfig.json"), BENCH_DIST_DIR);
  try {
    try {
      await runCommand(process.execPath, [nextBin(repoRoot), "build"], { cwd: repoRoot, env });
      return { mode: "next build" };
    } catch (error) {
      const lines = String(error).split("\n");
      const first = lines.find((l) => /Type error|error TS|Failed to/i.test(l)) ?? lines[0] ?? "";
      log(
        `next build failed (${first.trim().slice(0, 200)}); retrying without the type check (--experimental-build-mode compile, then generate)`,
      );
      await runCommand(process.execPath, [nextBin(repoRoot), "build", "--experimental-build-mode", "compile"], { cwd: repoRoot, env });
      await runCommand(process.execPath, [nextBin(repoRoot), "build", "--experimental-build-mode", "generate"], { cwd: repoRoot, env });
      return { mode: "compile + generate (type check skipped: the full build failed)" };
    }
  } finally {
    const outcome = restore();
    if (outcome === "left")
      log("note: tsconfig.json changed during the build by something other than Next's .next-bench includes; left as is");
  }
}

export async function startApp(repoRoot: string, databaseFile: string) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = appEnv(repoRoot, databaseFile, { SITE_URL: origin, PORT: String(port) });
  const server = await startServer(process.execPath, [frontServer(repoRoot), "-p", String(port), "-H", "127.0.0.1"], {
    cwd: repoRoot,
    env,
    url: `${origin}/robots.txt`,
  });
  return { ...server, origin };
}

/** Time of one GET (the whole body read), status and body size. */
export async function timedGet(url: string, headers: Record<string, string> = {}) {
  const started = performance.now();
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(120_000) });
  const body = Buffer.from(await response.arrayBuffer());
  return { ms: performance.now() - started, status: response.status, body, headers: response.headers };
}

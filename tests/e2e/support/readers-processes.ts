import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";

/**
 * Real processes for the readers-* browserless tests: a production build made with no
 * database, `next start` servers, Debian's redis-server and nginx. Each is started on a
 * free port by the test and stopped by it; a missing binary is a failure, never a skip.
 */
/** The one production build of the browser tests (global-setup.ts makes it with no database); every server starts from it. */
export const E2E_DIST_DIR = process.env.E2E_DIST_DIR ?? ".next-e2e";
export const READERS_AUTH_SECRET = "koho-readers-secret-0123456789abcdefghijklmnopqrstuvwxyz";
export const READERS_SCHEDULER_SECRET = "koho-readers-scheduler-0123456789abcdefghijklmn";
const NEXT_BIN = resolve("node_modules/next/dist/bin/next");
/** What `npm start` runs: Next behind the front server's cache answers. */
export const FRONT_SERVER = resolve("server/http/front-server.mjs");

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? ok(address.port) : fail(new Error("no port"))));
    });
  });
}

/** Without DATABASE_URL pointing anywhere real, SITE_URL or SITE_NAME: the build must not need them. */
export function buildWithoutDatabase(absentDatabaseFile: string) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_DIST_DIR: E2E_DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: `file:${absentDatabaseFile}`,
  };
  for (const name of ["SITE_URL", "SITE_NAME", "REDIS_URL", "KOHO_PROXY_REFRESH_URL"]) delete env[name];
  const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { env, stdio: "inherit" });
  if (build.status !== 0) throw new Error("next build failed without a database");
}

export type App = { port: number; url: string; process: ChildProcess; env: NodeJS.ProcessEnv; log: string[] };

export async function startApp(options: {
  databaseUrl: string;
  siteUrl: string;
  redisUrl?: string;
  proxyRefreshUrl?: string;
  port?: number;
  /** More environment for this app alone (a limit a test sets low, say). */
  env?: Record<string, string>;
}): Promise<App> {
  const port = options.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: E2E_DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: options.databaseUrl,
    SITE_URL: options.siteUrl,
    SITE_NAME: "Readers Test Newsroom",
    AUTH_SECRET: READERS_AUTH_SECRET,
    SCHEDULER: "off",
    SCHEDULER_SECRET: READERS_SCHEDULER_SECRET,
    KOHO_INTERNAL_URL: `http://127.0.0.1:${port}`,
  };
  for (const name of ["REDIS_URL", "KOHO_PROXY_REFRESH_URL"]) delete env[name];
  if (options.redisUrl) env.REDIS_URL = options.redisUrl;
  if (options.proxyRefreshUrl) env.KOHO_PROXY_REFRESH_URL = options.proxyRefreshUrl;
  Object.assign(env, options.env);
  // node runs the server directly, so the pid is the server itself (RSS, SIGKILL).
  const child = spawn(process.execPath, [FRONT_SERVER, "-p", String(port)], { env, stdio: ["ignore", "pipe", "pipe"] });
  const log: string[] = [];
  child.stdout?.on("data", (d) => log.push(String(d)));
  child.stderr?.on("data", (d) => log.push(String(d)));
  const app = { port, url: `http://127.0.0.1:${port}`, process: child, env, log };
  await waitUntil(async () => {
    if (child.exitCode !== null) throw new Error(`the app server exited (${child.exitCode}): ${log.join("")}`);
    return (
      (await fetch(`${app.url}/api/health`)
        .then((r) => r.status)
        .catch(() => 0)) > 0
    );
  }, 60_000);
  return app;
}

/** One scheduler tick on this process, as its own timer or a cron would send it: the publish is acknowledged when this returns. */
export async function runScheduler(app: App) {
  const res = await fetch(`${app.url}/api/scheduler/run`, {
    method: "POST",
    headers: { authorization: `Bearer ${READERS_SCHEDULER_SECRET}` },
  });
  if (!res.ok) throw new Error(`scheduler tick answered ${res.status}`);
  return (await res.json()) as { published: number[] };
}

/** SIGKILL, then wait until the process is really gone. */
export async function killApp(app: App, signal: NodeJS.Signals = "SIGKILL") {
  if (app.process.exitCode !== null || app.process.signalCode !== null) return;
  const gone = new Promise((ok) => app.process.once("exit", ok));
  app.process.kill(signal);
  // A graceful stop waits for open keep-alive connections (nginx's upstream pool, this process's
  // own fetch pool); a teardown must not hang on them, so it ends the server after 5 s regardless.
  const force = signal === "SIGKILL" ? undefined : setTimeout(() => app.process.kill("SIGKILL"), 5_000);
  await gone;
  clearTimeout(force);
}

export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, intervalMs = 50): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

function requireBinary(name: string, path: string) {
  if (!existsSync(path))
    throw new Error(`This test needs ${name} at ${path}: sudo apt-get install -y ${name === "nginx" ? "nginx" : "redis-server"}`);
}

export async function startRedis(): Promise<{ url: string; stop: () => Promise<void> }> {
  requireBinary("redis-server", "/usr/bin/redis-server");
  const port = await freePort();
  const child = spawn("/usr/bin/redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  });
  const url = `redis://127.0.0.1:${port}`;
  const up = await waitUntil(
    async () =>
      new Promise<boolean>((ok) => {
        const probe = createServer();
        probe.once("error", () => ok(true)).listen(port, "127.0.0.1", () => probe.close(() => ok(false)));
      }),
    10_000,
  );
  if (!up) throw new Error("redis-server did not start");
  return {
    url,
    stop: async () => {
      const gone = new Promise((ok) => child.once("exit", ok));
      child.kill("SIGTERM");
      await gone;
    },
  };
}

/**
 * nginx with deploy/nginx.conf itself, adapted only where a test must: no TLS (the loopback
 * listener serves readers too), temp paths, the given app ports upstream (staff to the first,
 * or to `studioPort`). `accessLog`: a file where each request is logged as
 * `<X-Koho-Refresh or -> <uri> <upstream address> <cache status>`.
 */
export async function startNginx(
  dir: string,
  appPorts: number[],
  { studioPort = appPorts[0], accessLog }: { studioPort?: number; accessLog?: string } = {},
): Promise<{ url: string; stop: () => Promise<void> }> {
  requireBinary("nginx", "/usr/sbin/nginx");
  const port = await freePort();
  mkdirSync(join(dir, "logs"), { recursive: true });
  const site = readFileSync("deploy/nginx.conf", "utf8")
    .replace(/server \{\n\s+listen 80;[\s\S]*?\n\}\n/, "")
    .replace(/^\s*listen (\[::\]:)?443 .*$/gm, "")
    .replace(/^\s*ssl_certificate.*$/gm, "")
    .replace("listen 127.0.0.1:8081;", `listen 127.0.0.1:${port};`)
    .replace("/var/cache/nginx/koho", join(dir, "cache"))
    .replace(
      /upstream koho_app \{[\s\S]*?keepalive/,
      `upstream koho_app {\n${appPorts.map((p) => `    server 127.0.0.1:${p};`).join("\n")}\n    keepalive`,
    )
    // Staff paths go to the first app process (the shipped file's one-process default).
    .replace(/(upstream koho_studio \{\n(?:\s*#.*\n)*\s*server )127\.0\.0\.1:3000/, (_, head: string) => `${head}127.0.0.1:${studioPort}`);
  const logging = accessLog
    ? `  log_format koho_lanes '$http_x_koho_refresh $uri $upstream_addr $upstream_cache_status';\n  access_log ${accessLog} koho_lanes;\n`
    : "  access_log off;\n";
  // As root, nginx would hand its workers to `nobody`, who cannot enter the private temp folder.
  const conf = `${process.getuid?.() === 0 ? "user root;\n" : ""}pid ${join(dir, "nginx.pid")};\nerror_log ${join(dir, "logs/error.log")};\nevents { worker_connections 1024; }\nhttp {\n${logging}  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;\n${site}\n}\n`;
  writeFileSync(join(dir, "nginx.conf"), conf);
  const started = spawnSync("/usr/sbin/nginx", ["-p", dir, "-c", join(dir, "nginx.conf")], { encoding: "utf8" });
  if (started.status !== 0) throw new Error(`nginx did not start: ${started.stderr}`);
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      spawnSync("/usr/sbin/nginx", ["-p", dir, "-c", join(dir, "nginx.conf"), "-s", "stop"]);
    },
  };
}

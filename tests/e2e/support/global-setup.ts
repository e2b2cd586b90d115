import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { CHROMIUM_PATH } from "./browser";
import { seedE2eFixtures } from "./fixtures";
import { buildWithoutDatabase, E2E_DIST_DIR, FRONT_SERVER } from "./readers-processes";

/** Signs the test server's session cookies; fixed so other test servers started from the same build share it. */
export const E2E_AUTH_SECRET = "koho-e2e-secret-0123456789abcdefghijklmnopqrstuvwxyz";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    databaseUrl: string;
    /** Whether `next build` created the folder of the absent database it was given (it must not try to open one). */
    buildOpenedDatabase: boolean;
  }
}

async function waitForServer(url: string, server: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the app server exited with code ${server.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server did not answer at ${url} within ${timeoutMs} ms`);
}

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM_PATH}. Install it with: sudo apt-get install -y chromium ` +
        "(or set CHROME_PATH to another Chromium binary). Browsers are never downloaded.",
    );
  }
  const dir = mkdtempSync(join(tmpdir(), "koho-e2e-"));
  const databaseUrl = `file:${join(dir, "koho.db")}`;
  await seedE2eFixtures(databaseUrl);

  const port = 3200 + Math.floor(Math.random() * 500);
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXT_DIST_DIR: E2E_DIST_DIR,
    SITE_URL: `http://localhost:${port}`,
    AUTH_SECRET: E2E_AUTH_SECRET,
    // Tick every 2 s so scheduled items go live promptly in the browser tests.
    SCHEDULER_INTERVAL_MS: "2000",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // One build for every browser test, made as a deployment makes it: with no database, SITE_URL or SITE_NAME.
  // The readers-* tests prove on it that nothing was baked at build time; the others simply start it.
  const absentDatabaseDir = join(dir, "no-database-here");
  buildWithoutDatabase(join(absentDatabaseDir, "koho.db"));
  project.provide("buildOpenedDatabase", existsSync(absentDatabaseDir));

  const server = spawn(process.execPath, [FRONT_SERVER, "-p", String(port)], {
    env,
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  const baseURL = `http://localhost:${port}`;
  await waitForServer(baseURL, server);
  project.provide("baseURL", baseURL);
  project.provide("databaseUrl", databaseUrl);

  return () => {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  };
}

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { killApp, startApp, type App } from "./readers-processes";
import { openNewsroom } from "./readers-newsroom";

/**
 * One app server on a fresh database of its own (migrated and seeded by openNewsroom, in a temp
 * folder), with `env` added to its environment: for tests that need a process started with a
 * setting of their own. `stop` kills it and removes the folder.
 */
export async function startSeededApp(folderPrefix: string, env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), folderPrefix));
  const newsroom = await openNewsroom(`file:${join(dir, "koho.db")}`);
  const remove = () => {
    newsroom.close();
    rmSync(dir, { recursive: true, force: true });
  };
  let app: App;
  try {
    app = await startApp({ databaseUrl: `file:${join(dir, "koho.db")}`, siteUrl: "https://news.runtime.example", env });
  } catch (error) {
    remove();
    throw error;
  }
  return {
    app,
    newsroom,
    async stop() {
      await killApp(app);
      remove();
    },
  };
}

/**
 * startSeededApp for the whole file: started before its first test and stopped after its last.
 * Read `.app` inside tests (it exists once the suite has started).
 */
export function seededAppForFile(folderPrefix: string, env: Record<string, string> = {}): { readonly app: App } {
  let server: Awaited<ReturnType<typeof startSeededApp>> | undefined;
  beforeAll(async () => {
    server = await startSeededApp(folderPrefix, env);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });
  return {
    get app() {
      if (!server) throw new Error("the seeded app is read before the suite started");
      return server.app;
    },
  };
}

import { openDatabase, type Handle } from "./client";
import { migrateDatabase } from "./migrate";
import { isDatabaseEmpty, seedBaseData, seedDemo } from "./seed";
import { ensureSearchIndexFormat, rebuildSearchIndex } from "./search-index";

export type PrepareResult = { handle: Handle; seededDemo: boolean };

/**
 * First-start preparation: create the file, apply migrations, add the base
 * categories, and, when asked for demo mode, the demo content and staff —
 * only into a database that has no articles and no users yet — and rebuild the search index if
 * its rows are in an older format (db/search-index.ts).
 */
export async function prepareDatabase(options: {
  url: string;
  authToken?: string;
  demo: boolean;
  seedsDir: string;
}): Promise<PrepareResult> {
  const handle = await openDatabase(options.url, options.authToken);
  await migrateDatabase(handle.db);
  await seedBaseData(handle.db);
  let seededDemo = false;
  if (options.demo && (await isDatabaseEmpty(handle.db))) {
    await seedDemo(handle.db, options.seedsDir);
    await rebuildSearchIndex(handle.db);
    seededDemo = true;
  }
  await ensureSearchIndexFormat(handle.db);
  return { handle, seededDemo };
}

import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { openDatabase, type Database, type Handle } from "@/db/client";
import { env } from "@/lib/env";

// One client per server process, kept across dev hot reloads.
const holder = globalThis as typeof globalThis & { kohoDatabase?: Promise<Handle> };

// A database chosen for one call tree (a test file, a one-off script) instead of the process's own.
const scope = new AsyncLocalStorage<Database>();

/**
 * Runs `fn` with every getDatabase() inside it, however deep and across awaits, answering `db`;
 * concurrent scopes stay apart. Tests use it to import server/ statically and still choose the database.
 */
export function withDatabase<T>(db: Database, fn: () => T): T {
  return scope.run(db, fn);
}

export async function getDatabase(): Promise<Database> {
  const scoped = scope.getStore();
  if (scoped) return scoped;
  holder.kohoDatabase ??= openDatabase(env().DATABASE_URL, env().DATABASE_AUTH_TOKEN);
  return (await holder.kohoDatabase).db;
}

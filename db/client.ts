import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { createClient, type Client } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import * as schema from "./schema";
import { serializeWrites } from "./serialize-writes";

export type Database = ReturnType<typeof drizzle<typeof schema>>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Handle = { client: Client; db: Database; url: string };

/** How long a write waits for another writer's lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5_000;

/**
 * What every connection must run with. journal_mode is stored in the file;
 * the others are per connection. libSQL opens connections lazily (one per
 * concurrent borrower, a new one after a transaction), with foreign keys on and
 * synchronous=FULL by default and the busy timeout from `timeout`, so each new
 * connection already has them; verifyConnectionPragmas proves it at start-up.
 */
export const REQUIRED_PRAGMAS = {
  journal_mode: "wal",
  foreign_keys: 1,
  synchronous: 2, // FULL
  busy_timeout: BUSY_TIMEOUT_MS,
} as const;

function isFileUrl(url: string) {
  return url.startsWith("file:");
}

function ensureDirectoryFor(url: string) {
  const path = url.slice("file:".length).replace(/^\/\/(localhost)?/, "");
  if (path && path !== ":memory:") mkdirSync(dirname(resolve(path)), { recursive: true });
}

export async function readConnectionPragmas(client: Client) {
  const read = async (name: string) => Object.values((await client.execute(`PRAGMA ${name}`)).rows[0] ?? {})[0];
  return {
    journal_mode: String(await read("journal_mode")).toLowerCase(),
    foreign_keys: Number(await read("foreign_keys")),
    synchronous: Number(await read("synchronous")),
    busy_timeout: Number(await read("busy_timeout")),
  };
}

/** Reads the pragmas on a connection opened while another is held by a transaction. */
export async function verifyConnectionPragmas(client: Client): Promise<void> {
  const tx = await client.transaction("read");
  try {
    const actual = await readConnectionPragmas(client);
    for (const [name, expected] of Object.entries(REQUIRED_PRAGMAS)) {
      if (actual[name as keyof typeof actual] !== expected) {
        throw new Error(`SQLite connection runs with ${name}=${actual[name as keyof typeof actual]}, expected ${expected}`);
      }
    }
  } finally {
    tx.close();
  }
}

export async function openDatabase(url: string, authToken?: string): Promise<Handle> {
  if (isFileUrl(url)) ensureDirectoryFor(url);
  const local = isFileUrl(url);
  const raw = createClient({ url, authToken, timeout: BUSY_TIMEOUT_MS });
  // A libSQL server arbitrates writers itself; an embedded file needs in-process queuing.
  const client = local ? serializeWrites(raw) : raw;
  if (local) {
    await client.executeMultiple("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;");
    await verifyConnectionPragmas(client);
  }
  return { client, db: drizzle(client, { schema }), url };
}

import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { createClient, type Client } from "@libsql/client";

/**
 * Backups of the embedded SQLite file.
 *
 * `VACUUM INTO` writes a consistent, compacted copy from one read transaction,
 * so it is safe while the server is running and writing (WAL lets the copy read
 * a snapshot beside the writer). A restore replaces the file and must run with
 * the server stopped; it refuses a copy that fails `PRAGMA integrity_check` and
 * first keeps a safety copy of what it replaces.
 */

export function filePathOf(url: string): string {
  if (!url.startsWith("file:")) throw new Error(`Backups work on an embedded file database (file:…), not ${url}`);
  const path = url.slice("file:".length).replace(/^\/\/(localhost)?/, "");
  if (!path || path === ":memory:") throw new Error("An in-memory database cannot be backed up");
  return resolve(path);
}

function timestamp(now = new Date()) {
  return now.toISOString().replace(/[:.]/g, "-");
}

export function defaultBackupPath(dbPath: string, now = new Date()): string {
  return resolve(dirname(dbPath), "backups", `koho-${timestamp(now)}.db`);
}

async function withClient<T>(path: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = createClient({ url: `file:${path}` });
  try {
    return await run(client);
  } finally {
    client.close();
  }
}

/** "ok", or the problems SQLite reports. */
export async function integrityCheck(path: string): Promise<string[]> {
  if (!existsSync(path) || statSync(path).size === 0) return [`${path} does not exist or is empty`];
  try {
    return await withClient(path, async (client) => {
      const rows = (await client.execute("PRAGMA integrity_check")).rows;
      const lines = rows.map((r) => String(Object.values(r)[0]));
      return lines.length === 1 && lines[0] === "ok" ? [] : lines;
    });
  } catch (error) {
    return [`not a readable SQLite database: ${(error as Error).message}`];
  }
}

/** Row counts of every table, for comparing a copy with its source. */
export async function tableRowCounts(path: string): Promise<Record<string, number>> {
  return withClient(path, async (client) => {
    const tables = (
      await client.execute("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    ).rows.map((r) => String(r.name));
    const counts: Record<string, number> = {};
    for (const table of tables) {
      counts[table] = Number((await client.execute(`SELECT count(*) AS n FROM "${table.replace(/"/g, '""')}"`)).rows[0]!.n);
    }
    return counts;
  });
}

/** Writes a consistent copy of the live database to `target` (which must not exist) and checks it. */
export async function backupDatabase(source: Client | string, target: string): Promise<{ path: string; bytes: number }> {
  const path = resolve(target);
  if (existsSync(path)) throw new Error(`${path} already exists; a backup never overwrites a file`);
  mkdirSync(dirname(path), { recursive: true });
  const run = (client: Client) => client.execute({ sql: "VACUUM INTO ?", args: [path] });
  if (typeof source === "string") await withClient(filePathOf(source), run);
  else await run(source);
  const problems = await integrityCheck(path);
  if (problems.length) {
    rmSync(path, { force: true });
    throw new Error(`The backup failed its integrity check: ${problems.join("; ")}`);
  }
  return { path, bytes: statSync(path).size };
}

/**
 * Replaces the database at `url` with `backupFile`. Stop the server first.
 * Refuses a backup that fails the integrity check; keeps the current database
 * as `<db>.pre-restore-<time>.db` (itself a VACUUM INTO copy) before replacing.
 */
export async function restoreDatabase(url: string, backupFile: string): Promise<{ safetyCopy: string | null }> {
  const target = filePathOf(url);
  const source = resolve(backupFile);
  const problems = await integrityCheck(source);
  if (problems.length) throw new Error(`Refusing to restore ${source}: ${problems.slice(0, 5).join("; ")}`);

  let safetyCopy: string | null = null;
  if (existsSync(target)) {
    safetyCopy = `${target}.pre-restore-${timestamp()}.db`;
    await backupDatabase(`file:${target}`, safetyCopy);
  }
  // Copy beside the target, then rename: the database file is never half-written.
  const staging = `${target}.restoring`;
  copyFileSync(source, staging);
  for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(`${target}${suffix}`, { force: true });
  renameSync(staging, target);
  const after = await integrityCheck(target);
  if (after.length) throw new Error(`The restored database failed its integrity check: ${after.join("; ")}`);
  return { safetyCopy };
}

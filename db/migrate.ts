import { resolve } from "node:path";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { migrate } from "drizzle-orm/libsql/migrator";
import { backupDatabase } from "./backup";
import type { Database } from "./client";

export const MIGRATIONS_FOLDER = resolve(process.cwd(), "db/migrations");

export type MigrationOutcome = { applied: number; backup: string | null };

export class ForeignKeyViolationError extends Error {
  constructor(
    readonly violations: { table: string; rowid: number | null; parent: string }[],
    readonly backup: string | null,
  ) {
    const summary = [...new Set(violations.map((v) => `${v.table} → ${v.parent}`))].join(", ");
    super(
      `Migration left ${violations.length} foreign key violation(s) (${summary}).` +
        (backup ? ` The database before migrating is at ${backup}; restore it with npm run db:restore.` : ""),
    );
    this.name = "ForeignKeyViolationError";
  }
}

type Row = Record<string, unknown>;

async function pendingMigrations(db: Database, migrationsFolder: string) {
  const migrations = readMigrationFiles({ migrationsFolder });
  const table = (await db.$client.execute("SELECT name FROM sqlite_schema WHERE type = 'table' AND name = '__drizzle_migrations'")).rows;
  if (table.length === 0) return { pending: migrations.length, existing: false };
  const last = (await db.$client.execute("SELECT max(created_at) AS at FROM __drizzle_migrations")).rows[0] as Row | undefined;
  const lastAt = last?.at == null ? null : Number(last.at);
  return { pending: migrations.filter((m) => lastAt === null || lastAt < m.folderMillis).length, existing: lastAt !== null };
}

/** The main database file behind this connection, or null for memory and remote databases. */
async function databaseFile(db: Database): Promise<string | null> {
  try {
    const rows = (await db.$client.execute("PRAGMA database_list")).rows as unknown as Row[];
    const file = rows.find((r) => r.name === "main")?.file;
    return typeof file === "string" && file ? file : null;
  } catch {
    return null;
  }
}

function stamp() {
  return new Date().toISOString().replace(/[:.]/g, "-");
}

/**
 * Applies the committed drizzle-kit migrations this database has not seen yet.
 *
 * On a database that already has data, a VACUUM INTO copy is written next to
 * the file first (`<db>.pre-migrate-<time>.db`). libSQL runs the whole batch in
 * one transaction with foreign keys off, which table rebuilds need; since
 * nothing checks them during the batch, `PRAGMA foreign_key_check` runs after
 * and any violation fails loudly, naming the backup to restore.
 */
export async function migrateDatabase(db: Database, options: { migrationsFolder?: string } = {}): Promise<MigrationOutcome> {
  const migrationsFolder = options.migrationsFolder ?? MIGRATIONS_FOLDER;
  const { pending, existing } = await pendingMigrations(db, migrationsFolder);
  if (pending === 0) return { applied: 0, backup: null };

  let backup: string | null = null;
  const file = existing ? await databaseFile(db) : null;
  if (file) backup = (await backupDatabase(db.$client, `${file}.pre-migrate-${stamp()}.db`)).path;

  await migrate(db, { migrationsFolder });

  const violations = ((await db.$client.execute("PRAGMA foreign_key_check")).rows as unknown as Row[]).map((r) => ({
    table: String(r.table),
    rowid: r.rowid == null ? null : Number(r.rowid),
    parent: String(r.parent),
  }));
  if (violations.length) throw new ForeignKeyViolationError(violations, backup);
  return { applied: pending, backup };
}

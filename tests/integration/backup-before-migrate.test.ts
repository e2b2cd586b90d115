import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { integrityCheck, tableRowCounts } from "@/db/backup";
import { openDatabase, type Handle } from "@/db/client";
import { ForeignKeyViolationError, MIGRATIONS_FOLDER, migrateDatabase } from "@/db/migrate";
import { seedBaseData, seedDemo } from "@/db/seed";
import { SEEDS_DIR } from "../support/temp-db";

type Journal = { entries: { idx: number; when: number; tag: string; version: string; breakpoints: boolean }[] };

let dir: string;
let handle: Handle;
const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as Journal;

/** A copy of the committed migrations keeping the first `keep` of them, plus optional extra SQL files. */
function migrationsFolder(name: string, keep: number, extra: { tag: string; sql: string }[] = []) {
  const folder = join(dir, name);
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const entries = journal.entries.slice(0, keep);
  let when = journal.entries.at(-1)!.when;
  for (const e of extra) {
    writeFileSync(join(folder, `${e.tag}.sql`), e.sql);
    entries.push({ idx: entries.length, version: "6", when: ++when, tag: e.tag, breakpoints: true });
  }
  writeFileSync(join(folder, "meta/_journal.json"), JSON.stringify({ ...journal, entries }));
  return folder;
}

let rebuild: { tag: string; sql: string };

/**
 * A table rebuild the way drizzle-kit writes one, on a table other tables
 * reference: with foreign keys on, DROP TABLE categories would fail.
 */
async function rebuildCategoriesMigration() {
  const rows = (await handle.client.execute("SELECT type, sql FROM sqlite_schema WHERE tbl_name = 'categories' AND sql IS NOT NULL")).rows;
  const table = String(rows.find((r) => r.type === "table")!.sql);
  const indexes = rows.filter((r) => r.type === "index").map((r) => String(r.sql));
  const sql = [
    table.replace(/^CREATE TABLE [`"]?categories[`"]?/, "CREATE TABLE `__new_categories`"),
    "INSERT INTO `__new_categories` SELECT * FROM `categories`",
    "DROP TABLE `categories`",
    "ALTER TABLE `__new_categories` RENAME TO `categories`",
    ...indexes,
  ].join(";\n--> statement-breakpoint\n");
  return { tag: "9998_rebuild_categories", sql: `${sql};` };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "koho-migrate-"));
  handle = await openDatabase(`file:${join(dir, "koho.db")}`);
});
afterAll(() => {
  handle.client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("migrations on a database with data", () => {
  it("a fresh database migrates without a backup (there is nothing to lose)", async () => {
    expect(await migrateDatabase(handle.db)).toEqual({ applied: journal.entries.length, backup: null });
  });

  it("takes a VACUUM INTO backup first, applies the rest, keeps every row and passes the foreign key check", async () => {
    await seedBaseData(handle.db);
    await seedDemo(handle.db, SEEDS_DIR);
    const before = await tableRowCounts(join(dir, "koho.db"));
    expect(before.articles).toBeGreaterThan(0);

    rebuild = await rebuildCategoriesMigration();
    const outcome = await migrateDatabase(handle.db, { migrationsFolder: migrationsFolder("rebuild", journal.entries.length, [rebuild]) });
    expect(outcome.applied).toBe(1);
    expect(outcome.backup).toMatch(/koho\.db\.pre-migrate-.+\.db$/);
    expect(existsSync(outcome.backup!)).toBe(true);
    expect(await integrityCheck(outcome.backup!)).toEqual([]);
    expect(await tableRowCounts(outcome.backup!)).toEqual(before);

    const after = await tableRowCounts(join(dir, "koho.db"));
    for (const [table, n] of Object.entries(before)) if (table !== "__drizzle_migrations") expect(after[table], table).toBe(n);
    expect((await handle.client.execute("PRAGMA foreign_key_check")).rows).toEqual([]);
    expect(await migrateDatabase(handle.db, { migrationsFolder: migrationsFolder("again", journal.entries.length, [rebuild]) })).toEqual({
      applied: 0,
      backup: null,
    });
  });

  it("fails loudly when a migration leaves foreign key violations, naming the backup to restore", async () => {
    const folder = migrationsFolder("broken", journal.entries.length, [
      rebuild,
      {
        tag: "9999_orphans",
        sql: "INSERT INTO article_revisions (article_id, edition_id, edition_number, article_version, slug, title, summary, body, category_id, dateline_date, signatories, tags) VALUES (987654, 987654, 1, 1, 'x', 'x', '', '{}', 1, '2026-01-01', '[]', '[]');",
      },
    ]);
    const error = await migrateDatabase(handle.db, { migrationsFolder: folder }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForeignKeyViolationError);
    expect((error as Error).message).toMatch(/foreign key violation\(s\) \(article_revisions → (articles|article_editions)/);
    expect((error as Error).message).toMatch(/pre-migrate-.+\.db; restore it with npm run db:restore/);
    expect(existsSync((error as ForeignKeyViolationError).backup!)).toBe(true);
  });
});

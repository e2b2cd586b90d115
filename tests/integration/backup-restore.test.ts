import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase, integrityCheck, restoreDatabase, tableRowCounts } from "@/db/backup";
import { createTempDatabase } from "../support/temp-db";

let t: Awaited<ReturnType<typeof createTempDatabase>>;
let dbPath: string;

beforeAll(async () => {
  t = await createTempDatabase();
  dbPath = t.url.slice("file:".length);
});
afterAll(() => t.cleanup());

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

describe("backups", () => {
  it("copies the live database consistently while a writer keeps writing", async () => {
    await t.client.execute("CREATE TABLE IF NOT EXISTS backup_probe (n INTEGER NOT NULL, pair INTEGER NOT NULL)");
    let stop = false;
    let written = 0;
    // Each transaction writes two rows; a consistent copy always holds an even number.
    const writer = (async () => {
      while (!stop) {
        const tx = await t.client.transaction("write");
        await tx.execute({ sql: "INSERT INTO backup_probe (n, pair) VALUES (?, 1), (?, 2)", args: [written, written] });
        await tx.commit();
        written++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    await new Promise((r) => setTimeout(r, 50));
    const target = join(t.dir, "backups", "live.db");
    const { path, bytes } = await backupDatabase(t.url, target);
    stop = true;
    await writer;
    expect(bytes).toBeGreaterThan(10_000);
    expect(await integrityCheck(path)).toEqual([]);
    const copy = await tableRowCounts(path);
    expect(copy.backup_probe! % 2).toBe(0);
    expect(copy.articles).toBeGreaterThan(0);
    await expect(backupDatabase(t.url, target)).rejects.toThrow(/already exists/);
  });

  it("restores a backup: same row counts as the copy, integrity ok, and a safety copy of what it replaced", async () => {
    const backup = (await backupDatabase(t.url, join(t.dir, "backups", "before-damage.db"))).path;
    const atBackup = await tableRowCounts(backup);
    expect(total(atBackup)).toBeGreaterThan(50);

    // Damage after the backup: lose the audit trail and the probe rows.
    await t.client.execute("DELETE FROM audit_log");
    await t.client.execute("DELETE FROM backup_probe");
    const damaged = await tableRowCounts(dbPath);
    t.client.close(); // the server is stopped for a restore

    const { safetyCopy } = await restoreDatabase(t.url, backup);
    expect(await integrityCheck(dbPath)).toEqual([]);
    expect(await tableRowCounts(dbPath)).toEqual(atBackup);
    expect(safetyCopy && existsSync(safetyCopy)).toBeTruthy();
    expect(await tableRowCounts(safetyCopy!)).toEqual(damaged);
  });

  it("refuses a file that fails the integrity check and leaves the database as it was", async () => {
    const before = await tableRowCounts(dbPath);
    const garbage = join(t.dir, "garbage.db");
    writeFileSync(garbage, "SQLite format 3\0" + "x".repeat(8192));
    const empty = join(t.dir, "empty.db");
    writeFileSync(empty, "");
    for (const file of [garbage, empty, join(t.dir, "missing.db")]) {
      await expect(restoreDatabase(t.url, file)).rejects.toThrow(/Refusing to restore/);
    }
    expect(await tableRowCounts(dbPath)).toEqual(before);
    expect(await integrityCheck(dbPath)).toEqual([]);
  });

  it("npm run db:backup and db:restore do the same from the command line", () => {
    const env = { ...process.env, DATABASE_URL: `file:${dbPath}` };
    const target = join(t.dir, "cli-backup.db");
    const backup = spawnSync("npx", ["tsx", "scripts/db-backup.ts", target], { env, encoding: "utf8" });
    expect(backup.stderr + backup.stdout).toContain("integrity check passed");
    expect(backup.status).toBe(0);
    const refused = spawnSync("npx", ["tsx", "scripts/db-restore.ts", join(t.dir, "garbage.db")], { env, encoding: "utf8" });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/Refusing to restore/);
    const restored = spawnSync("npx", ["tsx", "scripts/db-restore.ts", target], { env, encoding: "utf8" });
    expect(restored.status).toBe(0);
    expect(readdirSync(t.dir).some((f) => f.includes(".pre-restore-"))).toBe(true);
  }, 60_000);
});

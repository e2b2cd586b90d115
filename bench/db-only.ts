import { copyFileSync, existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openDatabase } from "@/db/client";
import { prepareDatabase } from "@/db/setup";
import type { BenchOptions } from "./args";
import { measureDatabase } from "./db-timings";
import { machine, timingTable, verdictTable } from "./report";
import { createBenchDatabase, databaseBytes } from "./seed-items";
import { databaseVerdicts } from "./verdicts";

type Log = (message: string) => void;

/**
 * `npm run bench -- --only=db`: the 100,000-item database figures without a build, a server or
 * load, so a query or index change can be measured in minutes. `--db <file>` measures a copy of a
 * database kept by an earlier run (--keep-db), migrated first, so before and after see the same rows.
 */
/** Seeds `items` generated items into `file` (or copies and migrates `database`) and times the database queries there. */
export async function measureAtScale({
  file,
  items: wanted,
  database,
  queries,
  seedsDir,
  log,
}: {
  file: string;
  items: number;
  database?: string | null;
  queries: number;
  seedsDir: string;
  log: Log;
}) {
  if (database) {
    if (!existsSync(database)) throw new Error(`--db: no such file ${database}`);
    copyFileSync(database, file);
    log(`copied ${database}; applying migrations…`);
    const { handle } = await prepareDatabase({ url: `file:${file}`, demo: false, seedsDir });
    await handle.client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    handle.client.close();
  } else {
    log(`seeding ${wanted.toLocaleString("en-US")} generated items into ${file}…`);
    // Half of them Japanese, so search is timed on an index that mixes both languages.
    const seeded = await createBenchDatabase({ file, items: wanted, seedsDir, japaneseEvery: 2 });
    log(
      `seeded ${seeded.indexed.toLocaleString("en-US")} public items in ${seeded.seconds.toFixed(1)} s (inserts ${seeded.insertSeconds.toFixed(1)} s)`,
    );
    seeded.handle.client.close();
  }
  const handle = await openDatabase(`file:${file}`);
  const count = await handle.client.execute("SELECT count(*) AS n FROM articles");
  const items = Number(count.rows[0]!.n);
  log(`timing database queries on ${items.toLocaleString("en-US")} items (${queries} per kind)…`);
  const db = await measureDatabase(handle.db, queries);
  handle.client.close();
  const bytes = databaseBytes(file);
  return { items, db, bytes, verdicts: databaseVerdicts(items, db, bytes) };
}

/** The at-scale timings as table rows. */
export function scaleRows(db: Awaited<ReturnType<typeof measureDatabase>>) {
  return [
    { name: "FTS search, rare term", ...db.searchRare },
    { name: "FTS search, common term", ...db.searchCommon },
    { name: "FTS search, rare Japanese term", ...db.searchRareJa },
    { name: "FTS search, common Japanese term", ...db.searchCommonJa },
    { name: "studio list", ...db.studioList },
    { name: "studio filter", ...db.studioFilter },
    { name: "studio text filter", ...db.studioTextFilter },
    { name: "home, data", ...db.home },
    { name: "category, data", ...db.category },
    { name: "archive index, data", ...db.archiveIndex },
    { name: "archive month, data", ...db.archiveMonth },
    { name: "sitemap regeneration, index", ...db.sitemap },
    { name: "sitemap regeneration, one file", ...db.sitemapFile },
  ];
}

export async function runDatabaseOnly({
  options,
  workDir,
  seedsDir,
  repoRoot,
  log,
}: {
  options: BenchOptions;
  workDir: string;
  seedsDir: string;
  repoRoot: string;
  log: Log;
}) {
  const file = join(workDir, "koho.db");
  const started = performance.now();
  const { items, db, bytes, verdicts } = await measureAtScale({
    file,
    items: options.items,
    database: options.database,
    queries: options.queries,
    seedsDir,
    log,
  });
  const m = machine();
  console.log(
    `\nKōhō database benchmark — ${items.toLocaleString("en-US")} items; ${m.cpu}, Node ${m.node}; load average ${m.loadAverage}\n`,
  );
  console.log(timingTable(scaleRows(db)));
  console.log(`\ndatabase ${(bytes / 1024 / 1024).toFixed(1)} MB\n\n${verdictTable(verdicts)}\n`);
  const output = {
    generatedAt: new Date().toISOString(),
    seconds: (performance.now() - started) / 1000,
    options,
    items,
    machine: m,
    databaseBytes: bytes,
    database: db,
    verdicts,
  };
  writeFileSync(join(repoRoot, "bench", "results-db.json"), `${JSON.stringify(output, null, 2)}\n`);
  log(`wrote bench/results-db.json${options.keepDb ? `; database kept at ${file}` : ""}`);
}

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { prepareDatabase } from "@/db/setup";

export const SEEDS_DIR = resolve(process.cwd(), "db/demo");

/** A fresh SQLite file in a temporary folder, migrated and (optionally) seeded like a first start. */
export async function createTempDatabase({ demo = true }: { demo?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "koho-test-"));
  const url = `file:${join(dir, "koho.db")}`;
  const { handle } = await prepareDatabase({ url, demo, seedsDir: SEEDS_DIR });
  return {
    ...handle,
    dir,
    cleanup() {
      handle.client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

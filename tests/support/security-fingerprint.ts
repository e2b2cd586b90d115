import { createHash } from "node:crypto";
import type { Client } from "@libsql/client";

/** A digest of every row of every table: equal before and after means nothing was written. */
export async function databaseFingerprint(client: Client): Promise<{ rows: number; digest: string }> {
  const tables = (
    await client.execute(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name",
    )
  ).rows.map((r) => String(r.name));
  const hash = createHash("sha256");
  let rows = 0;
  for (const table of tables) {
    const result = await client.execute(`SELECT * FROM "${table}"`);
    rows += result.rows.length;
    hash.update(table);
    const lines = result.rows.map((row) =>
      JSON.stringify(Object.values(row), (_k, v) =>
        typeof v === "bigint" ? String(v) : v instanceof ArrayBuffer ? Buffer.from(v).toString("hex") : v,
      ),
    );
    for (const line of lines.sort()) hash.update(line);
  }
  return { rows, digest: hash.digest("hex") };
}

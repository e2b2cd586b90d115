import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConnectionPragmas, REQUIRED_PRAGMAS } from "@/db/client";
import { categories } from "@/db/schema";
import { createTempDatabase } from "../support/temp-db";

let t: Awaited<ReturnType<typeof createTempDatabase>>;
beforeAll(async () => {
  t = await createTempDatabase({ demo: false });
});
afterAll(() => t.cleanup());

describe("SQLite connection settings", () => {
  it("runs WAL, foreign keys, synchronous=FULL and a busy timeout on a connection opened after a transaction", async () => {
    await t.db.transaction(async (tx) => {
      await tx.insert(categories).values({ slug: "pragma-check", name: "Pragma check" });
    });
    // A transaction that holds one connection forces the next statement onto a fresh one.
    const held = await t.client.transaction("write");
    try {
      expect(await readConnectionPragmas(t.client)).toEqual(REQUIRED_PRAGMAS);
    } finally {
      held.close();
    }
    expect(await readConnectionPragmas(t.client)).toEqual(REQUIRED_PRAGMAS);
  });

  it("enforces foreign keys", async () => {
    await expect(
      t.db.run(
        sql`INSERT INTO article_editions (article_id, number, title, body, category_id, dateline_date) VALUES (999, 1, 't', '{}', 999, '2026-01-01')`,
      ),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/FOREIGN KEY/) } });
  });
});

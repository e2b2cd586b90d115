import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test as base } from "vitest";
import { withEnv } from "@/lib/env";
import { withDatabase } from "@/server/db";
import { actAs, rememberStaff } from "./session";
import { staffByRole } from "./staff";
import { createTempDatabase } from "./temp-db";

export type Staff = Awaited<ReturnType<typeof staffByRole>>;

/**
 * The integration test API of one file: a fresh migrated SQLite database (seeded with the demo
 * content and staff unless `demo: false`) and an empty media folder, shared by the file's tests.
 * Every test and hook of the file runs inside withDatabase/withEnv scopes naming them, so server/
 * is imported statically and reads this database. Fixtures (one of each per file):
 *   db      the test database (Drizzle), the same one server/ sees
 *   client  its libSQL client, for raw SQL
 *   staff   the demo staff by role
 *   actAs   signs the stubbed session in as a role ("writer"), any account, or nobody (null)
 *   mediaDir, url  the media folder and database URL server/ was given
 * Call it once, at the top of the file: `const it = integrationTest();`, then `it("…", async ({ db, actAs }) => …)`.
 * Helpers outside a test take `db` as a parameter, or import actAs from ./session.
 */
export function integrationTest({ demo = true }: { demo?: boolean } = {}) {
  const test = base
    .extend("workspace", { scope: "file" }, async ({}, { onCleanup }) => {
      const handle = await createTempDatabase({ demo });
      const mediaDir = mkdtempSync(join(tmpdir(), "koho-media-"));
      const staff = demo ? await staffByRole(handle.db) : undefined;
      if (staff) rememberStaff(staff);
      onCleanup(() => {
        handle.cleanup();
        rmSync(mediaDir, { recursive: true, force: true });
      });
      return { ...handle, mediaDir, staff };
    })
    .extend("db", { scope: "file" }, ({ workspace }) => workspace.db)
    .extend("client", { scope: "file" }, ({ workspace }) => workspace.client)
    .extend("url", { scope: "file" }, ({ workspace }) => workspace.url)
    .extend("mediaDir", { scope: "file" }, ({ workspace }) => workspace.mediaDir)
    .extend("staff", { scope: "file" }, ({ workspace }): Staff => {
      if (!workspace.staff) throw new Error("integrationTest({ demo: false }) has no staff");
      return workspace.staff;
    })
    // The same function as tests/support/session's actAs, which helpers outside a test can import.
    .extend("actAs", { scope: "file" }, () => actAs);
  // A fixture cannot wrap the test body in a scope (the runner calls it afterwards); aroundAll can.
  test.aroundAll((runSuite, { workspace }) =>
    withEnv({ DATABASE_URL: workspace.url, MEDIA_DIR: workspace.mediaDir }, () => withDatabase(workspace.db, runSuite)),
  );
  return test;
}

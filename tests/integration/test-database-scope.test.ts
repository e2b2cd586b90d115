import { describe, expect } from "vitest";
import { users } from "@/db/schema";
import { env, withEnv } from "@/lib/env";
import { getDatabase, withDatabase } from "@/server/db";
import { integrationTest } from "../support/fixtures";
import { createTempDatabase } from "../support/temp-db";

/** The harness itself: server/ imported statically reads the file's database, and scopes nest. */
const it = integrationTest();

let seenInBeforeAll: unknown;
it.beforeAll(async ({ db }) => {
  seenInBeforeAll = (await getDatabase()) === db;
});

describe("the integration fixture", () => {
  it("gives getDatabase() the file's seeded database, in hooks and across awaits", async ({ db, staff }) => {
    expect(seenInBeforeAll).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await getDatabase()).toBe(db);
    const rows = await (await getDatabase()).select({ id: users.id }).from(users);
    expect(rows.map((r) => r.id)).toContain(staff.writer.id);
  });

  it("gives env() the file's database URL and media folder", ({ url, mediaDir }) => {
    expect(env().DATABASE_URL).toBe(url);
    expect(env().MEDIA_DIR).toBe(mediaDir);
    expect(process.env.MEDIA_DIR).not.toBe(mediaDir);
  });
});

describe("nested scopes", () => {
  it("withDatabase overrides inside its call tree only, concurrent scopes stay apart", async ({ db }) => {
    const other = await createTempDatabase({ demo: false });
    try {
      const count = async () => (await (await getDatabase()).select({ id: users.id }).from(users)).length;
      const [inOther, inFile] = await Promise.all([
        withDatabase(other.db, async () => {
          await new Promise((resolve) => setTimeout(resolve, 10));
          return count();
        }),
        count(),
      ]);
      expect(inOther).toBe(0);
      expect(inFile).toBeGreaterThan(0);
      expect(await getDatabase()).toBe(db);
    } finally {
      other.cleanup();
    }
  });

  it("withEnv validates its overrides and undoes them after", ({ mediaDir }) => {
    expect(withEnv({ MEDIA_DIR: "/elsewhere" }, () => env().MEDIA_DIR)).toBe("/elsewhere");
    expect(env().MEDIA_DIR).toBe(mediaDir);
    expect(() => withEnv({ DATABASE_URL: "mysql://nope" }, () => env())).toThrow(/DATABASE_URL/);
  });
});

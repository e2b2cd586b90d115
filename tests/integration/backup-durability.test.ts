import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { integrityCheck } from "@/db/backup";
import { openDatabase } from "@/db/client";
import { createTempDatabase } from "../support/temp-db";

let t: Awaited<ReturnType<typeof createTempDatabase>>;

beforeAll(async () => {
  t = await createTempDatabase({ demo: true });
  t.client.close();
});
afterAll(() => t.cleanup());

/** Starts the writer, lets it acknowledge some commits, then SIGKILLs it mid-stream. */
function runAndKill(url: string, minAcks: number): Promise<{ saves: number[]; publishes: number[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn("node", ["--conditions=react-server", "--import", "tsx", "tests/support/security-durability-worker.ts", url], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const saves: number[] = [];
    const publishes: number[] = [];
    let buffer = "";
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.stdout.on("data", (chunk) => {
      buffer += chunk;
      const lines = buffer.split("\n");
      buffer = lines.pop()!;
      for (const line of lines) {
        const [, kind, id] = line.split(" ");
        (kind === "publish" ? publishes : saves).push(Number(id));
      }
      if (saves.length + publishes.length >= minAcks) child.kill("SIGKILL");
    });
    child.on("exit", (code, signal) =>
      signal === "SIGKILL" ? resolve({ saves, publishes }) : reject(new Error(`worker exited ${code}: ${stderr}`)),
    );
  });
}

describe("durability across SIGKILL", () => {
  it("keeps every acknowledged save and publication, and nothing is half-published", async () => {
    const kills = 3;
    let acknowledged = 0;
    let checked = 0;
    for (let round = 0; round < kills; round++) {
      const { saves, publishes } = await runAndKill(t.url, 40 + round * 20);
      acknowledged += saves.length + publishes.length;
      expect(await integrityCheck(t.url.slice("file:".length))).toEqual([]);

      const handle = await openDatabase(t.url);
      try {
        const rows = async (sql: string) => (await handle.client.execute(sql)).rows;
        const ids = new Set((await rows("SELECT id FROM articles")).map((r) => Number(r.id)));
        for (const id of [...saves, ...publishes]) expect(ids.has(id), `acknowledged item ${id}`).toBe(true);
        const live = new Set(
          (
            await rows(
              "SELECT a.id FROM articles a JOIN article_editions e ON e.id = a.published_edition_id WHERE a.status = 'published' AND e.state = 'published'",
            )
          ).map((r) => Number(r.id)),
        );
        for (const id of publishes) expect(live.has(id), `published item ${id}`).toBe(true);
        // Page (article + its published edition), feed (published list) and search entry agree for every item.
        const statusPublished = new Set((await rows("SELECT id FROM articles WHERE status = 'published'")).map((r) => Number(r.id)));
        const searchable = new Set((await rows("SELECT rowid FROM article_search")).map((r) => Number(r.rowid)));
        expect([...statusPublished].sort()).toEqual([...live].sort());
        expect([...searchable].sort()).toEqual([...live].sort());
        expect((await rows("PRAGMA foreign_key_check")).length).toBe(0);
        checked += ids.size;
      } finally {
        handle.client.close();
      }
    }
    console.log(
      `backup-durability: ${kills} SIGKILLs survived, ${acknowledged} acknowledged writes all present, ${checked} article rows checked`,
    );
  }, 120_000);
});

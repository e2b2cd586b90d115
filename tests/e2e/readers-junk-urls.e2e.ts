import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import "../support/next-cache-stub";
import "../support/auth-stub";
import { killApp, E2E_DIST_DIR, startApp, type App } from "./support/readers-processes";
import { openNewsroom } from "./support/readers-newsroom";

vi.mock("server-only", () => ({}));

/** Unknown URLs are answered, briefly cacheable, and leave nothing behind on disk or in memory. */
let dir: string;
let app: App;

const MB = 1024 * 1024;
const sizeOf = (path: string) => Number(execFileSync("du", ["-sb", path], { encoding: "utf8" }).split("\t")[0]);
const rss = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) * 1024;

/** The four kinds of junk the issue names, each one distinct. */
const junk = (i: number) =>
  [
    `/news/no-such-item-${i}`,
    `/category/no-such-category-${i}`,
    `/page/${1000 + i}`,
    `/archive/${2100 + (i % 800)}/${String((i % 12) + 1).padStart(2, "0")}`,
  ][i % 4]!;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "koho-readers-junk-"));
  const databaseUrl = `file:${join(dir, "data", "koho.db")}`;
  (await openNewsroom(databaseUrl)).close();
  app = await startApp({ databaseUrl, siteUrl: "https://news.runtime.example" });
}, 120_000);

afterAll(async () => {
  if (app) await killApp(app);
  rmSync(dir, { recursive: true, force: true });
});

/** Requests junk(from) … junk(to - 1) over 8 connections; the statuses and shared-cache lifetimes seen. */
async function hitJunk(from: number, to: number) {
  let next = from;
  const statuses = new Map<number, number>();
  const maxAges: number[] = [];
  const worker = async () => {
    for (let i = next++; i < to; i = next++) {
      const res = await fetch(app.url + junk(i));
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const cc = res.headers.get("cache-control") ?? "";
      const age = /s-maxage=(\d+)/.exec(cc)?.[1] ?? (cc.includes("public") ? /max-age=(\d+)/.exec(cc)?.[1] : undefined);
      if (age) maxAges.push(Number(age));
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return { statuses, maxAges };
}

describe("10,000 requests for distinct unknown URLs", () => {
  it("are 404s cacheable for a minute at most, and leave disk and memory as they were", async () => {
    // Warm up first (other junk, with the same 8 connections) so the baseline is a server that has
    // loaded its code and grown its heap to working size for that concurrency (measured: after
    // 4,000 such requests RSS stays within ±3 MB up to 20,000; after 2,000 one at a time it did not).
    await hitJunk(20_000, 24_000);
    for (const path of ["/", "/category/government", "/archive"]) await fetch(app.url + path).then((r) => r.arrayBuffer());
    const before = { data: sizeOf(join(dir, "data")), build: sizeOf(E2E_DIST_DIR), rss: rss(app.process.pid!) };

    const { statuses, maxAges } = await hitJunk(0, 10_000);

    expect(Object.fromEntries(statuses)).toEqual({ 404: 10_000 });
    expect(Math.max(0, ...maxAges)).toBeLessThanOrEqual(60);
    const after = { data: sizeOf(join(dir, "data")), build: sizeOf(E2E_DIST_DIR), rss: rss(app.process.pid!) };
    console.log(
      `junk URLs: data ${before.data} → ${after.data} B, build ${before.build} → ${after.build} B, RSS ${(before.rss / MB).toFixed(1)} → ${(after.rss / MB).toFixed(1)} MB`,
    );
    expect(Math.abs(after.data - before.data)).toBeLessThanOrEqual(MB);
    expect(Math.abs(after.build - before.build)).toBeLessThanOrEqual(MB);
    expect(after.rss - before.rss).toBeLessThanOrEqual(50 * MB);
  }, 600_000);
});

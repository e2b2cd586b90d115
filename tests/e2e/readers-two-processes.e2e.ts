import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import "../support/next-cache-stub";
import "../support/auth-stub";
import { freePort, killApp, runScheduler, startApp, startNginx, startRedis, waitUntil, type App } from "./support/readers-processes";
import { openNewsroom } from "./support/readers-newsroom";

vi.mock("server-only", () => ({}));

/**
 * Two app processes on one SQLite file (WAL) and one Redis, alone and behind deploy/nginx.conf:
 * a publish acknowledged by one is visible on the other, and through the proxy, within 1 s.
 * Behind nginx they are laid out as README "Staff during a rush" says: A is the staff process
 * (`koho_studio`, scheduler), B the readers' process (`koho_app`).
 */
let dir: string;
let newsroom: Awaited<ReturnType<typeof openNewsroom>>;
let redis: Awaited<ReturnType<typeof startRedis>>;
let nginx: Awaited<ReturnType<typeof startNginx>>;
let a: App;
let b: App;
let portA: number;
let portB: number;
let proxyLog: string;

const VISIBLE_WITHIN_MS = 1_000;
const page = (base: string, path: string) =>
  fetch(base + path).then(async (r) => ({ status: r.status, cache: r.headers.get("x-cache-status"), text: await r.text() }));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "koho-readers-two-"));
  const databaseUrl = `file:${join(dir, "koho.db")}`;
  newsroom = await openNewsroom(databaseUrl);
  redis = await startRedis();
  [portA, portB] = [await freePort(), await freePort()];
  proxyLog = join(dir, "nginx-requests.log");
  nginx = await startNginx(join(dir, "nginx"), [portB], { studioPort: portA, accessLog: proxyLog });
  // Readers reach nginx at its URL, so that is the public address (and the Host the refresh sends).
  const common = { databaseUrl, siteUrl: nginx.url, redisUrl: redis.url, proxyRefreshUrl: nginx.url };
  [a, b] = await Promise.all([startApp({ ...common, port: portA }), startApp({ ...common, port: portB })]);
}, 120_000);

afterAll(async () => {
  await nginx?.stop();
  for (const app of [a, b]) if (app) await killApp(app, "SIGTERM");
  await redis?.stop();
  newsroom?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("two app processes, one database, one Redis", () => {
  it("a release acknowledged by one process is on the other's pages within 1 s", async () => {
    const item = await newsroom.publish("Tram line 7 extension opens", { schedule: true });
    for (const path of ["/", "/category/government", `/news/${item.slug}`]) await page(b.url, path);
    expect((await runScheduler(a)).published.length).toBe(1);
    const seen = await waitUntil(async () => {
      const [home, category, article] = await Promise.all(["/", "/category/government", `/news/${item.slug}`].map((p) => page(b.url, p)));
      return !!home?.text.includes(item.title) && !!category?.text.includes(item.title) && article?.status === 200;
    }, VISIBLE_WITHIN_MS);
    expect(seen).toBe(true);
  }, 60_000);

  it("a withdrawal written by a third process leaves both processes' home pages within 1 s", async () => {
    const item = await newsroom.publish("Ferry timetable for the islands");
    await waitUntil(
      async () => (await page(a.url, "/")).text.includes(item.title) && (await page(b.url, "/")).text.includes(item.title),
      5_000,
    );
    await newsroom.withdraw(item.slug);
    const gone = await waitUntil(
      async () => !(await page(a.url, "/")).text.includes(item.title) && !(await page(b.url, "/")).text.includes(item.title),
      VISIBLE_WITHIN_MS,
    );
    expect(gone).toBe(true);
  }, 60_000);
});

describe("the same behind deploy/nginx.conf", () => {
  it("the proxy's stored home, category and feed are refreshed within 1 s of the acknowledgement", async () => {
    const item = await newsroom.publish("Bicycle lanes on Meiji-dori", { schedule: true });
    const paths = ["/", "/category/government", "/feed.xml"];
    for (const path of paths) {
      await page(nginx.url, path);
      expect((await page(nginx.url, path)).cache, path).toBe("HIT");
    }
    const proxyLogText = () => (existsSync(proxyLog) ? readFileSync(proxyLog, "utf8") : "");
    // Earlier tests' publishes were refreshed too (their long tail may still be going).
    const logBefore = proxyLogText().length;
    expect((await runScheduler(a)).published.length).toBe(1);
    const seen = await waitUntil(async () => {
      const results = await Promise.all(paths.map((p) => page(nginx.url, p)));
      return results.every((r) => r.text.includes(item.title));
    }, VISIBLE_WITHIN_MS);
    if (!seen)
      console.log(
        "still stale through nginx:",
        (await Promise.all(paths.map((p) => page(nginx.url, p)))).map(
          (r, i) => `${paths[i]} ${r.cache} ${r.text.includes(item.title) ? "fresh" : "stale"}`,
        ),
        a.log.join("").slice(-2000),
      );
    expect(seen).toBe(true);

    // The refresh's two lanes (server/cache/proxy-refresh.ts, the map in deploy/nginx.conf): the
    // item and home rendered by the staff process, everything else by the readers' process,
    // each fetched fresh (BYPASS) and stored over the old copy.
    const refreshes = () =>
      proxyLogText()
        .slice(logBefore)
        .split("\n")
        .map((line) => line.split(" "))
        .filter(([lane]) => lane === "1" || lane === "background")
        .map(([lane, uri, upstream, status]) => ({ lane, uri, upstream, status }));
    expect(
      await waitUntil(
        async () => ["/category/government", "/feed.xml", "/archive"].every((uri) => refreshes().some((r) => r.uri === uri)),
        10_000,
      ),
    ).toBe(true);
    const staffLane = refreshes().filter((r) => r.lane === "1");
    const background = refreshes().filter((r) => r.lane === "background");
    expect(staffLane.map((r) => r.uri).sort()).toEqual(["/", `/news/${item.slug}`]);
    expect(new Set(staffLane.map((r) => r.upstream))).toEqual(new Set([`127.0.0.1:${portA}`]));
    expect(background.map((r) => r.uri)).toEqual(expect.arrayContaining(["/category/government", "/feed.xml", "/archive"]));
    expect(new Set(background.map((r) => r.upstream))).toEqual(new Set([`127.0.0.1:${portB}`]));
    expect(new Set([...staffLane, ...background].map((r) => r.status))).toEqual(new Set(["BYPASS"]));
  }, 60_000);
});

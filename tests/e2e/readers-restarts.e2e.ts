import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import "../support/next-cache-stub";
import "../support/auth-stub";
import { killApp, runScheduler, startApp, startRedis, type App } from "./support/readers-processes";
import { openNewsroom } from "./support/readers-newsroom";

vi.mock("server-only", () => ({}));

/**
 * Every acknowledged change is followed at once by SIGKILL, before any reader request, then
 * a restart. The cache lives in Redis, which survives the process with the old entries in
 * it: only the tag expirations committed with each change can make the pages right.
 */
let dir: string;
let newsroom: Awaited<ReturnType<typeof openNewsroom>>;
let redis: Awaited<ReturnType<typeof startRedis>>;
let app: App;
let databaseUrl: string;

const text = async (path: string, expectedStatus = 200) => {
  const res = await fetch(app.url + path);
  expect(res.status, path).toBe(expectedStatus);
  return res.text();
};
const month = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 7).replace("-", "/");
const LISTINGS = () => [
  "/",
  "/category/government",
  `/archive/${month()}`,
  "/feed.xml",
  "/atom.xml",
  "/feed.json",
  "/category/government/feed.xml",
  "/sitemap.xml",
  "/news-sitemap.xml",
];

/** Loads every surface so the cache holds it (and Redis keeps it across the kill). */
async function warm(extra: string[] = []) {
  for (const path of [...LISTINGS(), ...extra]) await fetch(app.url + path).then((r) => r.text());
}
async function killAndRestart() {
  await killApp(app, "SIGKILL");
  app = await startApp({ databaseUrl, siteUrl: "https://news.runtime.example", redisUrl: redis.url, port: app.port });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "koho-readers-restart-"));
  databaseUrl = `file:${join(dir, "koho.db")}`;
  newsroom = await openNewsroom(databaseUrl);
  redis = await startRedis();
  app = await startApp({ databaseUrl, siteUrl: "https://news.runtime.example", redisUrl: redis.url });
}, 120_000);

afterAll(async () => {
  if (app) await killApp(app);
  await redis?.stop();
  newsroom?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("kill -9 right after each acknowledgement, then a restart", () => {
  let item: { slug: string; title: string };

  it("a publish is on every surface", async () => {
    await warm(["/search?q=Quillwort"]);
    item = await newsroom.publish("Quillwort marsh restoration begins");
    await killAndRestart();
    for (const path of LISTINGS())
      expect(await text(path), path).toContain(path.endsWith("sitemap.xml") ? item.slug : "Quillwort marsh restoration begins");
    expect(await text(`/news/${item.slug}`)).toContain("Quillwort marsh restoration begins");
    // Results highlight the query words, so look for the link rather than the plain title.
    expect(await text("/search?q=Quillwort")).toContain(`href="/news/${item.slug}"`);
  }, 120_000);

  it("a withdrawal leaves every listing, feed, sitemap and search; the page shows the notice", async () => {
    await warm([`/news/${item.slug}`, "/search?q=Quillwort"]);
    await newsroom.withdraw(item.slug);
    await killAndRestart();
    // The month may now have nothing left in it (a 404): either way the item is not listed.
    for (const path of LISTINGS()) expect(await fetch(app.url + path).then((r) => r.text()), path).not.toContain(item.slug);
    expect(await text("/search?q=Quillwort")).not.toContain(`href="/news/${item.slug}"`);
    expect(await text(`/news/${item.slug}`)).toContain("Withdrawn by the readers test.");
  }, 120_000);

  it("a list change shows under the article it is placed on", async () => {
    const host = await newsroom.publish("Heron count along the Tama river");
    await warm([`/news/${host.slug}`]);
    await newsroom.placeList(host.slug, "Wetland survey results 2026");
    await killAndRestart();
    expect(await text(`/news/${host.slug}`)).toContain("Wetland survey results 2026");
  }, 120_000);

  it("a scheduled release acknowledged by the server's scheduler tick is on every surface", async () => {
    const due = await newsroom.publish("Lantern festival route announced", { schedule: true });
    await warm([`/news/${due.slug}`]);
    expect((await runScheduler(app)).published.length).toBe(1);
    await killAndRestart();
    for (const path of LISTINGS())
      expect(await text(path), path).toContain(path.endsWith("sitemap.xml") ? due.slug : "Lantern festival route announced");
    expect(await text(`/news/${due.slug}`)).toContain("Lantern festival route announced");
  }, 120_000);
});

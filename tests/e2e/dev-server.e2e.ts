import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardTsconfig } from "@/bench/tsconfig-guard";
import { COMMUNIQUE_SEED, readSeed } from "@/db/seed";
import { slugify } from "@/lib/slug";
import { SEEDS_DIR } from "../support/temp-db";
import { Studio } from "./pages/studio";
import { launchBrowser } from "./support/browser";
import { freePort, waitUntil } from "./support/readers-processes";

/**
 * The README's first command, as a new user runs it: `npm run dev` on an empty database gets
 * the demo content and demo staff, and serves every kind of public page and the studio without
 * an error. `next dev` checks
 * more than a production build does (it validates each route as a prerender), so an error it
 * logs is one a new user sees in the dev overlay; this test reads its log for any.
 */
const DIST_DIR = ".next-dev-test";
const COMMUNIQUE = `/news/${slugify(readSeed(SEEDS_DIR, COMMUNIQUE_SEED).title)}`;

let dir: string;
let child: ChildProcess;
let origin: string;
const log: string[] = [];
const restoreTsconfig = guardTsconfig("tsconfig.json", DIST_DIR);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "koho-dev-"));
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "development",
    PORT: String(port),
    DATABASE_URL: `file:${join(dir, "koho.db")}`,
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  for (const name of ["SITE_URL", "AUTH_SECRET", "REDIS_URL", "KOHO_PROXY_REFRESH_URL", "KOHO_DEMO"]) delete env[name];
  child = spawn("npm", ["run", "dev", "--", "-H", "127.0.0.1"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (d) => log.push(String(d)));
  child.stderr?.on("data", (d) => log.push(String(d)));
  const up = await waitUntil(
    async () => {
      if (child.exitCode !== null) throw new Error(`npm run dev exited (${child.exitCode}): ${log.join("")}`);
      return (
        (await fetch(`${origin}/api/health`).then(
          (r) => r.status,
          () => 0,
        )) === 200
      );
    },
    180_000,
    500,
  );
  expect(up, `npm run dev did not answer: ${log.join("")}`).toBe(true);
}, 200_000);

/** Error lines in the dev server's log: it logs one (⨯) for a route that fails its checks even when it answers 200. */
async function errorLines(): Promise<string[]> {
  await new Promise((r) => setTimeout(r, 500));
  return log
    .join("")
    .split("\n")
    .filter((line) => /⨯|\bError\b/.test(line));
}

afterAll(() => {
  if (child?.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
  restoreTsconfig();
  rmSync(dir, { recursive: true, force: true });
  rmSync(DIST_DIR, { recursive: true, force: true });
});

describe("npm run dev", () => {
  it("serves the demo content on every kind of public page, and logs no error", async () => {
    const pages: [string, number, string?][] = [
      ["/", 200, "Joint Communiqué"],
      [COMMUNIQUE, 200, "Gualtieri"],
      ["/category/government", 200],
      ["/archive", 200],
      ["/search?q=Gualtieri", 200, "<mark>Gualtieri</mark>"],
      [`/search?q=${encodeURIComponent("都知事")}`, 200],
      ["/search?q=governor&category=government", 200],
      ["/feed.xml", 200, "<rss"],
      ["/sitemap.xml", 200],
      ["/sign-in", 200],
      ["/no-such-page", 404],
    ];
    for (const [path, status, text] of pages) {
      const response = await fetch(origin + path);
      expect(response.status, path).toBe(status);
      if (text) expect(await response.text(), path).toContain(text);
    }
    expect(await errorLines()).toEqual([]);
  }, 240_000);

  it("signs a demo admin in and opens each part of the studio, and logs no error", async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const pageErrors: string[] = [];
      page.on("pageerror", (error) => pageErrors.push(error.message));
      const studio = new Studio(page, origin);
      await studio.signInAndWait("admin@koho.example", "admin-demo-pass");
      for (const [path, heading] of [
        ["/studio/articles", "News items"],
        ["/studio/lists", "“Recommended for You” lists"],
        ["/studio/media", "Media"],
        ["/studio/users", "Staff"],
        ["/studio/audit", "Audit log"],
      ] as const) {
        await page.goto(studio.url(path));
        await page.getByRole("heading", { level: 1, name: heading }).waitFor();
      }
      await page.goto(studio.url("/studio"));
      await studio.newArticle();
      expect(pageErrors).toEqual([]);
    } finally {
      await browser.close();
    }
    expect(await errorLines()).toEqual([]);
  }, 240_000);
});

import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export type LighthouseScores = Record<"performance" | "accessibility" | "best-practices" | "seo", number>;
/** One page's median scores over its runs, with every run's performance score and total blocking time. */
export type LighthousePage = { name: string; path: string; median: LighthouseScores; performanceRuns: number[]; tbtMs: number[] };
export type LighthouseResult = { pages: LighthousePage[] } | { skipped: string };

const VERSION = "lighthouse@12";

/**
 * lighthouse is deliberately not a dependency (it would add ~90 MB to every `npm ci`): the local
 * or global binary if there is one, else `npm exec` fetches lighthouse@12 into npm's cache once.
 */
function lighthouseCommand(repoRoot: string): [string, string[]] {
  const local = join(repoRoot, "node_modules", ".bin", "lighthouse");
  if (existsSync(local)) return [local, []];
  for (const dir of (process.env.PATH ?? "").split(":"))
    if (dir && existsSync(join(dir, "lighthouse"))) return [join(dir, "lighthouse"), []];
  return ["npm", ["exec", "--yes", `--package=${VERSION}`, "--", "lighthouse"]];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** One mobile Lighthouse run (its default: a Moto G class phone on slow 4G, CPU slowed 4×). */
async function runOnce(command: [string, string[]], url: string, outFile: string) {
  const env = { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" };
  const args = [
    ...command[1],
    url,
    "--quiet",
    "--output=json",
    `--output-path=${outFile}`,
    "--form-factor=mobile",
    "--only-categories=performance,accessibility,best-practices,seo",
    "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run",
  ];
  await new Promise<void>((resolve, reject) =>
    execFile(command[0], args, { env, timeout: 300_000 }, (error) => (error ? reject(error) : resolve())),
  );
  const report = JSON.parse(readFileSync(outFile, "utf8")) as {
    categories: Record<string, { score: number | null }>;
    audits: Record<string, { numericValue?: number }>;
  };
  const score = (k: string) => Math.round((report.categories[k]?.score ?? 0) * 100);
  return {
    scores: {
      performance: score("performance"),
      accessibility: score("accessibility"),
      "best-practices": score("best-practices"),
      seo: score("seo"),
    },
    tbtMs: Math.round(report.audits["total-blocking-time"]?.numericValue ?? 0),
  };
}

/** Mobile Lighthouse, `runs` times on each page; the median of each score, or { skipped } with the reason. */
export async function runLighthouse({
  repoRoot,
  origin,
  pages,
  runs,
  dir,
  log,
}: {
  repoRoot: string;
  origin: string;
  pages: { name: string; path: string }[];
  runs: number;
  dir: string;
  log: (s: string) => void;
}): Promise<LighthouseResult> {
  const command = lighthouseCommand(repoRoot);
  const results: LighthousePage[] = [];
  try {
    for (const page of pages) {
      const each: Awaited<ReturnType<typeof runOnce>>[] = [];
      for (let i = 0; i < runs; i++) {
        log(`lighthouse (mobile) ${page.name} ${page.path}, run ${i + 1} of ${runs}…`);
        each.push(await runOnce(command, origin + page.path, join(dir, `lighthouse-${page.name}-${i}.json`)));
      }
      const key = (k: keyof LighthouseScores) => median(each.map((r) => r.scores[k]));
      results.push({
        ...page,
        median: {
          performance: key("performance"),
          accessibility: key("accessibility"),
          "best-practices": key("best-practices"),
          seo: key("seo"),
        },
        performanceRuns: each.map((r) => r.scores.performance),
        tbtMs: each.map((r) => r.tbtMs),
      });
    }
    return { pages: results };
  } catch (error) {
    return { skipped: `lighthouse did not run (${String(error).split("\n")[0]}); install it with \`npm install -g ${VERSION}\`` };
  }
}

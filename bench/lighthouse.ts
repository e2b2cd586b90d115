import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export type LighthouseScores = Record<"performance" | "accessibility" | "best-practices" | "seo", number>;

/** lighthouse is deliberately not a dependency: found on PATH or in node_modules/.bin, or skipped. */
function findLighthouse(repoRoot: string): string | null {
  const local = join(repoRoot, "node_modules", ".bin", "lighthouse");
  if (existsSync(local)) return local;
  for (const dir of (process.env.PATH ?? "").split(":")) if (dir && existsSync(join(dir, "lighthouse"))) return join(dir, "lighthouse");
  return null;
}

export const LIGHTHOUSE_HINT =
  "lighthouse is not installed, so the Lighthouse part is skipped. To run it: `npm install -g lighthouse@12` " +
  "(or `npx lighthouse@12` once), then `CHROME_PATH=/usr/bin/chromium npm run bench -- --lighthouse`.";

/** Mobile Lighthouse on one URL; scores 0–100, or { skipped } with the reason. */
export async function runLighthouse(
  repoRoot: string,
  url: string,
  outFile: string,
): Promise<{ scores: LighthouseScores } | { skipped: string }> {
  const bin = findLighthouse(repoRoot);
  if (!bin) return { skipped: LIGHTHOUSE_HINT };
  const env = { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" };
  const args = [
    url,
    "--quiet",
    "--output=json",
    `--output-path=${outFile}`,
    "--form-factor=mobile",
    "--only-categories=performance,accessibility,best-practices,seo",
    "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
  ];
  try {
    await new Promise<void>((resolve, reject) =>
      execFile(bin, args, { env, timeout: 180_000 }, (error) => (error ? reject(error) : resolve())),
    );
    const report = JSON.parse(readFileSync(outFile, "utf8")) as { categories: Record<string, { score: number | null }> };
    const score = (k: string) => Math.round((report.categories[k]?.score ?? 0) * 100);
    return {
      scores: {
        performance: score("performance"),
        accessibility: score("accessibility"),
        "best-practices": score("best-practices"),
        seo: score("seo"),
      },
    };
  } catch (error) {
    return { skipped: `lighthouse failed: ${String(error).split("\n")[0]}` };
  }
}

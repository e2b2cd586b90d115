// @ts-check
/**
 * Self time of a V8 .cpuprofile (from `node --cpu-prof`) by function and by file, so a profile
 * of `next start` under load can be read without DevTools:
 *   node scripts/profile-summary.mjs /tmp/koho-prof/cpu/CPU.*.cpuprofile [--top 40]
 * Used by bench/profile.ts. Paths are shortened to what follows node_modules/ or the repo.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** @param {string} url */
function shortFile(url) {
  if (!url) return "(native / V8)";
  const path = url.replace(/^file:\/\//, "");
  const nm = path.lastIndexOf("node_modules/");
  if (nm >= 0) return path.slice(nm + "node_modules/".length);
  const next = path.indexOf(".next-bench/");
  if (next >= 0) return path.slice(next);
  return path.replace(process.cwd() + "/", "");
}

/**
 * @param {string} file
 * @param {{ top?: number }} [options]
 */
export function summariseProfile(file, { top = 30 } = {}) {
  /** @type {{ nodes: { id: number, callFrame: { functionName: string, url: string, lineNumber: number } }[], samples: number[], timeDeltas: number[] }} */
  const profile = JSON.parse(readFileSync(file, "utf8"));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  /** @type {Map<string, number>} */
  const byFunction = new Map();
  /** @type {Map<string, number>} */
  const byFile = new Map();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    const dt = profile.timeDeltas[i] ?? 0;
    if (!node) continue;
    total += dt;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = shortFile(url);
    const fn = `${functionName || "(anonymous)"}  ${where}${url ? `:${lineNumber + 1}` : ""}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + dt);
    byFile.set(where, (byFile.get(where) ?? 0) + dt);
  }
  /** @param {Map<string, number>} map */
  const table = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`)
      .join("\n");
  return `total ${(total / 1e6).toFixed(1)} s sampled\n\nself time by function:\n${table(byFunction)}\n\nself time by file:\n${table(byFile)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const topAt = process.argv.indexOf("--top");
  const top = topAt >= 0 ? Number(process.argv[topAt + 1]) : 30;
  for (const file of process.argv.slice(2).filter((a, i, all) => a !== "--top" && all[i - 1] !== "--top")) {
    console.log(`== ${file}\n${summariseProfile(file, { top })}`);
  }
}

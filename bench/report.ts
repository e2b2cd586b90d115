import { cpus, loadavg, totalmem } from "node:os";
import type { LoadResult } from "./load";
import { formatKb, formatMb, formatMs, formatRatio, ratio, renderTable } from "./stats";

export type RouteResult = LoadResult & { name: string; path: string; expectStatus: number; htmlBytes?: number };

export function machine() {
  const list = cpus();
  return {
    cpu: `${list[0]?.model ?? "unknown"} × ${list.length}`,
    memory: formatMb(totalmem()),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: loadavg()
      .map((n) => n.toFixed(2))
      .join(" "),
  };
}

const codes = (r: LoadResult) =>
  Object.entries(r.statusCodes)
    .map(([c, n]) => `${c}×${n}`)
    .join(" ") || "none";

/** The route table: req/s, latency and the ratios to each baseline measured in the same run. */
export function routeTable(
  routes: RouteResult[],
  baselines: { staticNext?: LoadResult; plainNode?: LoadResult; nginx?: LoadResult },
): string {
  return renderTable(
    ["route", "req/s", "p50", "p99", "vs static Next", "vs plain Node", "vs nginx", "status codes", "errors", "peak RSS"],
    routes.map((r) => [
      `${r.name} ${r.path}`,
      r.rps.toFixed(0),
      formatMs(r.p50),
      formatMs(r.p99),
      formatRatio(ratio(r.rps, baselines.staticNext?.rps)),
      formatRatio(ratio(r.rps, baselines.plainNode?.rps)),
      formatRatio(ratio(r.rps, baselines.nginx?.rps)),
      codes(r),
      String(r.errors),
      formatMb(r.peakRssBytes),
    ]),
  );
}

export type Verdict = { target: string; measured: string; met: boolean | null };

export function verdictTable(verdicts: Verdict[]): string {
  return renderTable(
    ["target", "measured", "met"],
    verdicts.map((v) => [v.target, v.measured, v.met === null ? "n/a" : v.met ? "yes" : "NO"]),
  );
}

export function timingTable(rows: { name: string; p50?: number; p95?: number; ms?: number; note?: string }[]): string {
  return renderTable(
    ["measurement", "p50", "p95 / time", "note"],
    rows.map((r) => [r.name, formatMs(r.p50), formatMs(r.p95 ?? r.ms), r.note ?? ""]),
  );
}

export const kb = formatKb;

import type { BenchOptions } from "./args";
import type { BundleReport } from "./bundle-size";
import { scaleRows } from "./db-only";
import type { measureDatabase } from "./db-timings";
import type { LoadResult } from "./load";
import { visibilityTable, type VisibilityRow } from "./publish-visibility";
import { machine, routeTable, timingTable, verdictTable, type RouteResult, type Verdict } from "./report";
import { staffTable, type StaffUnderFlood } from "./staff-under-flood";
import { subscriberAlertsTable, type SubscriberAlerts } from "./subscriber-alerts-report";
import { formatKb, formatMb } from "./stats";

type Db = Awaited<ReturnType<typeof measureDatabase>>;

/** Everything `npm run bench` measured, as the tables it prints at the end (the same figures go to bench/results.json). */
export function printReport(r: {
  options: BenchOptions;
  machineAtStart: ReturnType<typeof machine>;
  machineAtEnd: ReturnType<typeof machine>;
  baselines: { staticNext?: LoadResult & { htmlBytes: number }; plainNode?: LoadResult; nginx?: LoadResult };
  articleBytes: number;
  results: RouteResult[];
  rssAfter: number | null;
  databaseBytes: number;
  buildMode: string;
  cold: { name: string; ms: number; note?: string }[];
  db: Db;
  articleJs: BundleReport | null;
  articleRouteJs: BundleReport | null;
  visibility: VisibilityRow[];
  staff?: StaffUnderFlood;
  alerts?: SubscriberAlerts;
  scale?: { items: number; db: Db; bytes: number };
  verdicts: Verdict[];
}) {
  const { staticNext, plainNode, nginx } = r.baselines;
  const baselineRows: RouteResult[] = [
    ...(staticNext
      ? [{ name: "baseline static Next", path: `(${formatKb(staticNext.htmlBytes)} HTML)`, expectStatus: 200, ...staticNext }]
      : []),
    ...(plainNode ? [{ name: "baseline plain Node", path: `(${formatKb(r.articleBytes)} HTML)`, expectStatus: 200, ...plainNode }] : []),
    ...(nginx ? [{ name: "baseline nginx", path: `(${formatKb(r.articleBytes)} HTML)`, expectStatus: 200, ...nginx }] : []),
  ];
  const { options, machineAtStart: start, machineAtEnd: end } = r;
  console.log(
    `\nKōhō benchmark — ${options.items.toLocaleString("en-US")} generated items, ${options.connections} connections, ${options.duration} s per route`,
  );
  console.log(
    `machine: ${end.cpu}, ${end.memory}, ${end.platform}, Node ${end.node}; load average at start ${start.loadAverage}, at end ${end.loadAverage} (autocannon, the servers and the baselines share these cores: compare ratios)\n`,
  );
  console.log(routeTable([...baselineRows, ...r.results], r.baselines));
  console.log(`\nserver RSS after the load: ${formatMb(r.rssAfter)}; database ${formatMb(r.databaseBytes)}; build: ${r.buildMode}\n`);
  console.log(
    timingTable([
      ...r.cold,
      { name: "FTS search, rare term (direct SQL)", ...r.db.searchRare },
      { name: "FTS search, common term (direct SQL)", ...r.db.searchCommon },
      { name: "studio list (direct SQL)", ...r.db.studioList },
    ]),
  );
  const js = r.articleJs;
  console.log(
    `\narticle first-load JS as served: ${formatKb(js?.totalGzipBytes)} gzip in ${js?.files.length ?? 0} files (its route's bundle, not loaded: ${formatKb(r.articleRouteJs?.totalGzipBytes)}; editor code: ${js?.editorCode.join(", ") || "none"}; auth client: ${js?.authClientCode.join(", ") || "none"}); static Next baseline: ${formatKb(staticNext && "firstLoad" in staticNext ? (staticNext.firstLoad as BundleReport | null)?.totalGzipBytes : null)} gzip`,
  );
  console.log(`\npublish → visible (from the scheduler tick's answer on process A):\n${visibilityTable(r.visibility)}`);
  if (r.staff) console.log(`\nstaff under a reader flood (nginx → readers' process + staff process):\n${staffTable(r.staff)}`);
  if (r.alerts) console.log(`\n${subscriberAlertsTable(r.alerts)}`);
  if (r.scale) {
    console.log(
      `\nat ${r.scale.items.toLocaleString("en-US")} items (database ${formatMb(r.scale.bytes)}):\n${timingTable(scaleRows(r.scale.db))}`,
    );
  }
  console.log(`\n${verdictTable(r.verdicts)}\n`);
}

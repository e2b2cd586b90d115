/** Command-line options of `npm run bench`; pure so the unit tests can cover it. */
export type BenchOptions = {
  items: number;
  duration: number;
  connections: number;
  build: boolean;
  baselines: boolean;
  lighthouse: boolean;
  /** Lighthouse runs per page (the median is reported). */
  lighthouseRuns: number;
  /** The staff-under-flood scenario (nginx, a readers' and a staff process, five editors in Chromium). */
  staff: boolean;
  /** Items in the second, at-scale database whose query timings are reported; 0 skips it. */
  scale: number;
  nginx: boolean;
  /** Confirmed subscribers for the alerts section (issue 17's scale goal); 0 skips it. */
  subscribers: number;
  queries: number;
  keepDb: boolean;
  /**
   * "db": seed (or open `database`) and time the 100k database queries only: no build, no server, no load.
   * "staff": seed, build (unless --no-build) and run only the staff-under-flood scenario.
   * "subscriber-alerts": seed, build (unless --no-build) and run only the subscriber-alerts section.
   */
  only: "db" | "staff" | "subscriber-alerts" | null;
  /** An existing bench database to measure instead of seeding one (migrated first; with --only=db). */
  database: string | null;
  help: boolean;
};

export const DEFAULT_OPTIONS: BenchOptions = {
  items: 10_000,
  duration: 10,
  connections: 50,
  build: true,
  baselines: true,
  lighthouse: true,
  lighthouseRuns: 5,
  staff: true,
  scale: 100_000,
  nginx: false,
  subscribers: 100_000,
  queries: 200,
  keepDb: false,
  only: null,
  database: null,
  help: false,
};

export const USAGE = `Usage: npm run bench -- [options]
  --items <n>         generated published items (default 10000; 100000 works)
  --duration <s>      seconds of load per route (default 10)
  --connections <n>   concurrent connections (default 50)
  --queries <n>       timed queries per database measurement (default 200)
  --no-build          reuse the build in .next-bench (the small baseline app is always built)
  --no-baselines      skip the static-Next and plain-Node baselines
  --nginx             also measure the article and feed through deploy/nginx.conf (needs nginx)
  --no-lighthouse     skip Lighthouse (mobile; home, article and category; lighthouse@12 via npm exec if not installed)
  --lighthouse-runs <n>  Lighthouse runs per page, median reported (default 5)
  --no-staff          skip staff saves and publish → visible under a reader flood through nginx
  --scale <n>         items in the second database for the at-scale query timings (default 100000; 0 skips)
  --subscribers <n>   confirmed subscribers alerted of one publication by the outbox worker (default 100000; 0 skips)
  --keep-db           leave the temporary database on disk and print its path
  --only=db           only the database timings (studio list, search, sitemap, listings, size): no build, no server
  --only=staff        only staff saves under a reader flood (seed, build unless --no-build, the scenario)
  --only=subscriber-alerts  only the alerts section: 100,000 subscribers, one publication, the worker into a local SMTP sink
  --db <file>         with --only=db: measure this bench database (e.g. one kept with --keep-db) instead of seeding
  --help              this text`;

function positiveInt(name: string, value: string | undefined, max: number, min = 1): number {
  const n = Number(value?.replace(/_/g, ""));
  if (value === undefined || !Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${name} needs a whole number between ${min} and ${max}, got ${value ?? "nothing"}`);
  }
  return n;
}

/** Parses argv (without node and script); accepts `--flag value` and `--flag=value`. Throws on unknown flags. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const options = { ...DEFAULT_OPTIONS };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const [flag, inline] = raw.includes("=") ? [raw.slice(0, raw.indexOf("=")), raw.slice(raw.indexOf("=") + 1)] : [raw, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case "--items":
        options.items = positiveInt(flag, value(), 1_000_000);
        break;
      case "--duration":
        options.duration = positiveInt(flag, value(), 600);
        break;
      case "--connections":
        options.connections = positiveInt(flag, value(), 1_000);
        break;
      case "--queries":
        options.queries = positiveInt(flag, value(), 100_000);
        break;
      case "--no-build":
        options.build = false;
        break;
      case "--no-baselines":
        options.baselines = false;
        break;
      case "--lighthouse":
        options.lighthouse = true;
        break;
      case "--no-lighthouse":
        options.lighthouse = false;
        break;
      case "--lighthouse-runs":
        options.lighthouseRuns = positiveInt(flag, value(), 20);
        break;
      case "--no-staff":
        options.staff = false;
        break;
      case "--scale":
        options.scale = positiveInt(flag, value(), 1_000_000, 0);
        break;
      case "--subscribers":
        options.subscribers = positiveInt(flag, value(), 1_000_000, 0);
        break;
      case "--nginx":
        options.nginx = true;
        break;
      case "--keep-db":
        options.keepDb = true;
        break;
      case "--only": {
        const part = value();
        if (part !== "db" && part !== "staff" && part !== "subscriber-alerts") {
          throw new Error(`--only takes "db", "staff" or "subscriber-alerts", got ${part ?? "nothing"}`);
        }
        options.only = part;
        break;
      }
      case "--db": {
        const file = value();
        if (!file) throw new Error("--db needs a file");
        options.database = file;
        break;
      }
      case "--help":
      case "-h":
        options.help = true;
        break;
      default:
        throw new Error(`Unknown option ${raw}\n${USAGE}`);
    }
  }
  if (options.database && options.only !== "db") throw new Error("--db only works with --only=db");
  if (options.only === "subscriber-alerts" && options.subscribers === 0)
    throw new Error("--only=subscriber-alerts needs --subscribers above 0");
  return options;
}

/** Command-line options of `npm run bench`; pure so the unit tests can cover it. */
export type BenchOptions = {
  items: number;
  duration: number;
  connections: number;
  build: boolean;
  baselines: boolean;
  lighthouse: boolean;
  nginx: boolean;
  queries: number;
  keepDb: boolean;
  /** "db": seed (or open `database`) and time the 100k database queries only: no build, no server, no load. */
  only: "db" | null;
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
  lighthouse: false,
  nginx: false,
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
  --no-build          reuse the build in .next-bench (and the baseline app build)
  --no-baselines      skip the static-Next and plain-Node baselines
  --nginx             also measure the article and feed through deploy/nginx.conf (needs nginx)
  --lighthouse        also run lighthouse@12 (mobile) on the article page, if installed
  --keep-db           leave the temporary database on disk and print its path
  --only=db           only the database timings (studio list, search, sitemap, listings, size): no build, no server
  --db <file>         with --only=db: measure this bench database (e.g. one kept with --keep-db) instead of seeding
  --help              this text`;

function positiveInt(name: string, value: string | undefined, max: number): number {
  const n = Number(value?.replace(/_/g, ""));
  if (value === undefined || !Number.isInteger(n) || n < 1 || n > max) {
    throw new Error(`${name} needs a whole number between 1 and ${max}, got ${value ?? "nothing"}`);
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
      case "--nginx":
        options.nginx = true;
        break;
      case "--keep-db":
        options.keepDb = true;
        break;
      case "--only": {
        const part = value();
        if (part !== "db") throw new Error(`--only takes "db", got ${part ?? "nothing"}`);
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
  return options;
}

// autocannon ships no types; only what bench/load.ts uses.
declare module "autocannon" {
  type Stat = {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    p50: number;
    p90: number;
    p99: number;
    total: number;
  };
  export type Result = {
    requests: Stat;
    latency: Stat;
    throughput: Stat;
    errors: number;
    timeouts: number;
    non2xx: number;
    "2xx": number;
    statusCodeStats: Record<string, { count: number }>;
    duration: number;
  };
  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    headers?: Record<string, string>;
    pipelining?: number;
    timeout?: number;
    /** Requests per second across all connections. */
    overallRate?: number;
    /** Cycled through in order by each connection. */
    requests?: { method?: string; path: string }[];
  };
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}

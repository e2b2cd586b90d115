import autocannon from "autocannon";
import { treeRssBytes } from "./processes";

export type LoadResult = {
  rps: number;
  p50: number;
  p99: number;
  statusCodes: Record<string, number>;
  errors: number;
  bytesPerRequest: number;
  peakRssBytes: number | null;
};

/** Drives `url` with autocannon while sampling the server tree's RSS every half second. */
export async function measureLoad({
  url,
  connections,
  duration,
  headers,
  serverPid,
  overallRate,
}: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  serverPid?: number;
  /** Requests per second across all connections (a steady reader rate); unset, as fast as the server answers. */
  overallRate?: number;
}): Promise<LoadResult> {
  let peak: number | null = null;
  const sample = () => {
    if (serverPid === undefined) return;
    const rss = treeRssBytes(serverPid);
    if (rss !== null) peak = Math.max(peak ?? 0, rss);
  };
  const timer = setInterval(sample, 500);
  try {
    const result = await autocannon({ url, connections, duration, headers, timeout: 10, ...(overallRate ? { overallRate } : {}) });
    sample();
    const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]));
    const completed = Math.max(1, result.requests.total);
    return {
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      statusCodes,
      errors: result.errors, // autocannon counts its timeouts among its errors
      bytesPerRequest: result.throughput.total / completed,
      peakRssBytes: peak,
    };
  } finally {
    clearInterval(timer);
  }
}

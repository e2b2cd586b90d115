import type { LoadResult } from "./load";
import { measureLoad } from "./load";
import type { RouteResult } from "./report";

/** The flood: 200 connections against the app alone, no baseline (what matters is that nothing waits 10 s). */
export const FLOOD_CONNECTIONS = 200;

/** Seconds per flooded route: 30 at the default 10 s per route, shorter for quick runs. */
export const floodSeconds = (duration: number) => Math.min(30, duration * 3);

/**
 * Floods the article, home and feed in turn. Past capacity the server answers renders with a
 * fast 503 (server/public/load-shedding.ts); cache hits keep being served. 503s count as
 * answers here, timeouts and socket errors as failures.
 */
export async function measureFlood({
  origin,
  routes,
  duration,
  serverPid,
  log,
}: {
  origin: string;
  routes: { name: string; path: string }[];
  duration: number;
  serverPid: number;
  log: (s: string) => void;
}): Promise<RouteResult[]> {
  const results: RouteResult[] = [];
  for (const route of routes) {
    const seconds = floodSeconds(duration);
    log(`flooding ${route.name} ${route.path} with ${FLOOD_CONNECTIONS} connections for ${seconds} s…`);
    const r: LoadResult = await measureLoad({ url: origin + route.path, connections: FLOOD_CONNECTIONS, duration: seconds, serverPid });
    results.push({ ...r, name: `flood ${route.name}`, path: route.path, expectStatus: 200 });
  }
  return results;
}

import "server-only";
import { monitorEventLoopDelay } from "node:perf_hooks";

/**
 * What the server does past its capacity. Cache hits (server/cache/public-page-cache.ts) cost
 * little and are always served; a page that has to be rendered is refused with a fast 503 and
 * `Retry-After` while this process is already behind, instead of queueing behind every other
 * render until clients time out (a 200-connection flood of uncached pages left requests waiting
 * 10 s). "Behind" is the event loop's delay, the one measure that counts every kind of work the
 * process has queued (renders, database calls on the loop, GC): its p99 in each 1 s window,
 * against KOHO_SHED_LAG_MS (default 1000; 0 switches shedding off), over three windows in a row
 * so one slow moment (a GC, a neighbour on a shared machine) refuses nobody, and never in the
 * first 30 s of the process (loading the server's code blocks the loop for seconds on a busy
 * machine, and the very first readers must get pages). Staff pages are never shed.
 */
const WINDOW_MS = 1_000;
const SLOW_WINDOWS = 3;
const STARTUP_GRACE_S = 30;
const RETRY_AFTER_S = 2;

type Shedding = { behind: boolean; lagMs: number; slowWindows: number };
const holder = globalThis as typeof globalThis & { kohoLoadShedding?: Shedding };

function threshold(): number {
  const raw = Number(process.env.KOHO_SHED_LAG_MS ?? 1_000);
  return Number.isFinite(raw) && raw >= 0 ? raw : 1_000;
}

/** Started once per process, on first use; the histogram is reset every window so the state follows the load. */
function shedding(): Shedding {
  if (holder.kohoLoadShedding) return holder.kohoLoadShedding;
  const state: Shedding = { behind: false, lagMs: 0, slowWindows: 0 };
  holder.kohoLoadShedding = state;
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const timer = setInterval(() => {
    state.lagMs = histogram.percentile(99) / 1e6;
    histogram.reset();
    const limit = threshold();
    const slow = limit > 0 && state.lagMs > limit && process.uptime() > STARTUP_GRACE_S;
    state.slowWindows = slow ? state.slowWindows + 1 : 0;
    state.behind = state.slowWindows >= SLOW_WINDOWS;
  }, WINDOW_MS);
  timer.unref();
  return state;
}

/**
 * Whether to refuse a render now. `KOHO_SHED_LAG_MS=force` refuses every render: the browser
 * tests use it to check the refusal itself without having to overload a machine.
 */
export function shouldShedRender(): boolean {
  if (process.env.KOHO_SHED_LAG_MS === "force") return true;
  return shedding().behind;
}

/** A small page readers (and nginx, and crawlers) understand: try again in a moment. */
export function overloadedResponse(): Response {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Busy, try again</title></head><body><main><h1>We are very busy</h1><p>This page could not be prepared just now. Please try again in a few seconds.</p></main></body></html>`;
  return new Response(body, {
    status: 503,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Retry-After": String(RETRY_AFTER_S) },
  });
}

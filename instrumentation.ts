/**
 * Starts the server's timers with it, each an HTTP call to this same server so that its work
 * (and any cache invalidation) runs inside a request, as Next requires:
 * - the publishing scheduler: a catch-up tick shortly after start-up (anything that fell due
 *   while the server was down goes out then), then one every SCHEDULER_INTERVAL_MS;
 * - the outbox worker (subscriber e-mail, WebSub pings): a round every OUTBOX_INTERVAL_MS.
 * With several app processes, set SCHEDULER=off on all but one; OUTBOX_WORKER=off where
 * `npm run outbox:worker` runs instead (several outbox workers are safe, just not needed).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { env } = await import("@/lib/env");
  const config = env();
  if (config.SCHEDULER === "off" && config.OUTBOX_WORKER === "off") return;
  const { schedulerToken } = await import("@/lib/scheduler-token");
  const token = schedulerToken();
  const base = config.KOHO_INTERNAL_URL ?? `http://127.0.0.1:${process.env.PORT ?? "3000"}`;

  const every = (path: string, intervalMs: number, firstAfterMs: number) => {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        const response = await fetch(new URL(path, base), { method: "POST", headers: { authorization: `Bearer ${token}` } });
        if (!response.ok) console.error(`${path} answered ${response.status}`);
      } catch (error) {
        console.error(`${path} failed`, error);
      } finally {
        running = false;
      }
    };
    setTimeout(tick, firstAfterMs).unref();
    setInterval(tick, intervalMs).unref();
  };
  if (config.SCHEDULER === "on") every("/api/scheduler/run", config.SCHEDULER_INTERVAL_MS, 2_000);
  if (config.OUTBOX_WORKER === "on") every("/api/outbox/run", config.OUTBOX_INTERVAL_MS, 3_000);
}

/**
 * Starts the publishing scheduler with the server: a catch-up tick shortly
 * after start-up (anything that fell due while the server was down goes out
 * then), then one tick every SCHEDULER_INTERVAL_MS. The tick is an HTTP call to
 * this same server so that cache invalidation runs inside a request, as Next
 * requires. With several app processes, set SCHEDULER=off on all but one.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { env } = await import("@/lib/env");
  const config = env();
  if (config.SCHEDULER === "off") return;
  const { schedulerToken } = await import("@/lib/scheduler-token");
  const token = schedulerToken();

  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const base = config.KOHO_INTERNAL_URL ?? `http://127.0.0.1:${process.env.PORT ?? "3000"}`;
      const response = await fetch(new URL("/api/scheduler/run", base), { method: "POST", headers: { authorization: `Bearer ${token}` } });
      if (!response.ok) console.error(`Scheduler tick answered ${response.status}`);
    } catch (error) {
      console.error("Scheduler tick failed", error);
    } finally {
      running = false;
    }
  };
  setTimeout(tick, 2_000).unref();
  setInterval(tick, config.SCHEDULER_INTERVAL_MS).unref();
}

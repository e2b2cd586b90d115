/**
 * npm run outbox:worker — the outbox worker as a process of its own: subscriber e-mail and
 * WebSub pings, round after round, until SIGTERM or SIGINT. Run it where the app processes have
 * OUTBOX_WORKER=off (one worker is plenty; several are safe). Started with the react-server
 * condition so server/ modules load outside Next.
 */
import { prepareDatabase } from "@/db/setup";
import { env } from "@/lib/env";
import { runOutboxWorker } from "@/server/subscriptions/worker";

const config = env();
const { handle } = await prepareDatabase({
  url: config.DATABASE_URL,
  authToken: config.DATABASE_AUTH_TOKEN,
  demo: false,
  seedsDir: config.SEEDS_DIR,
});
handle.client.close();
const stop = new AbortController();
for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => stop.abort());
console.info(
  `outbox worker: ${config.SMTP_URL ? "sending over SMTP" : "keeping messages (no SMTP_URL)"}, every ${config.OUTBOX_INTERVAL_MS} ms when idle`,
);
await runOutboxWorker({ signal: stop.signal });
process.exit(0);

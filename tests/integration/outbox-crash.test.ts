import { spawn, type ChildProcess } from "node:child_process";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect } from "vitest";
import { integrationTest } from "../support/fixtures";
import { startSmtpSink } from "../support/smtp-sink";
import { addSubscribers, publishedThroughWorkflow } from "./subscriber-fixtures";

const it = integrationTest();
const SUBSCRIBERS = 400;
const workers: ChildProcess[] = [];
afterAll(() => workers.forEach((w) => w.kill("SIGKILL")));

function startWorker(databaseUrl: string, smtpUrl: string) {
  const worker = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/outbox-worker.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "test",
      DATABASE_URL: databaseUrl,
      SMTP_URL: smtpUrl,
      MAIL_LEASE_MS: "1500",
      MAIL_RETRY_BASE_MS: "100",
      OUTBOX_INTERVAL_MS: "200",
      MAIL_CONNECTIONS: "4",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  workers.push(worker);
  return worker;
}

const until = async (what: string, check: () => Promise<boolean> | boolean, ms = 60_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe("the outbox survives a dead worker and an SMTP outage", () => {
  it(
    "gives every subscriber exactly one alert after the worker is killed mid-batch and the SMTP server is down a while",
    { timeout: 120_000 },
    async ({ db, url }) => {
      const emails = Array.from({ length: SUBSCRIBERS }, (_, i) => `reader${i}@example.jp`);
      await addSubscribers(db, emails);
      const sink = await startSmtpSink();
      const item = await publishedThroughWorkflow(db, "Crash-safe alert Setagaya");
      const first = startWorker(url, sink.url);
      // Mid-batch: once a quarter have arrived, the server stops answering; the ones it already
      // answered have well over the record interval to be written, then the worker dies (kill -9).
      await until("a quarter of the alerts", () => sink.received.length >= SUBSCRIBERS / 4);
      sink.hold();
      await new Promise((r) => setTimeout(r, 1_000));
      first.kill("SIGKILL");
      await new Promise((resolve) => first.once("exit", resolve));
      const acceptedBeforeCrash = sink.received.length;
      expect(acceptedBeforeCrash).toBeLessThan(SUBSCRIBERS);
      // The messages caught unanswered are never accepted; the server goes away for a while.
      sink.release({ drop: true });
      await sink.close();
      startWorker(url, sink.url);
      await new Promise((r) => setTimeout(r, 2_500));
      const [during] = await db.all<{ n: number }>(
        sql`SELECT count(*) AS n FROM mail_deliveries WHERE article_id = ${item.id} AND status = 'failed'`,
      );
      expect(during!.n).toBe(0);
      await sink.listen();
      await until("every alert to be recorded as sent", async () => {
        const [left] = await db.all<{ n: number }>(
          sql`SELECT count(*) AS n FROM mail_deliveries WHERE article_id = ${item.id} AND status <> 'sent'`,
        );
        return left!.n === 0;
      });
      const perAddress = new Map<string, number>();
      for (const mail of sink.received) perAddress.set(mail.to, (perAddress.get(mail.to) ?? 0) + 1);
      expect(perAddress.size).toBe(SUBSCRIBERS);
      expect([...perAddress.values()].every((n) => n === 1)).toBe(true);
      expect(sink.received).toHaveLength(SUBSCRIBERS);
      expect(acceptedBeforeCrash).toBeGreaterThan(0);
      await sink.close();
    },
  );
});

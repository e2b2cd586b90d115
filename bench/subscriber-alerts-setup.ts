import { fork, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createClient } from "@libsql/client";
import { appEnv } from "./app-server";
import { track } from "./processes";

/** The processes and rows of the subscriber-alerts section (bench/subscriber-alerts.ts). */
const here = dirname(fileURLToPath(import.meta.url));
type Mark = { accepted: number; distinct: number; at: number };

/** 100,000 confirmed immediate subscribers in two statements; every fifth chose categories (the item's among them), so the fan-out's EXISTS path is exercised too. */
export async function seedSubscribers(file: string, count: number) {
  const started = performance.now();
  const client = createClient({ url: `file:${file}` });
  const confirmedAt = Date.now() - 86_400_000;
  await client.batch(
    [
      {
        sql: `INSERT INTO subscribers (email, status, language, all_categories, frequency, digest_hour, token_salt, created_at, confirmed_at, digest_covered_until)
              WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
              SELECT 'reader' || i || '@bench.example', 'confirmed', 'en', i % 5 <> 0, 'immediate', 8, hex(randomblob(12)), ?, ?, ? FROM n`,
        args: [count, confirmedAt, confirmedAt, confirmedAt],
      },
      `INSERT INTO subscriber_categories (subscriber_id, category_id)
         SELECT s.id, c.id FROM subscribers s JOIN categories c ON c.slug IN ('government', 'tourism') WHERE s.all_categories = 0`,
    ],
    "write",
  );
  await client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
  client.close();
  return (performance.now() - started) / 1000;
}

/** The sink process; resolves once it listens. `marks` fills as it reports (every 1,000 messages, the first and the last). */
export async function startSink(target: number) {
  const marks: Mark[] = [];
  const child = track(
    fork(join(here, "mail-sink.mjs"), [], {
      env: { ...process.env, SINK_TARGET: String(target) },
      detached: true,
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    }),
  );
  let onDone: () => void = () => {};
  const done = new Promise<void>((resolve) => (onDone = resolve));
  const port = await new Promise<number>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the SMTP sink exited (${code})`)));
    child.on("message", (m: { ready?: boolean; port?: number } & Partial<Mark>) => {
      if (m.ready) return resolve(m.port!);
      marks.push({ accepted: m.accepted!, distinct: m.distinct!, at: m.at! });
      if (m.accepted! >= target) onDone();
    });
  });
  return { child, url: `smtp://127.0.0.1:${port}`, marks, done };
}

export function startWorker(repoRoot: string, file: string, env: Record<string, string>) {
  const child = track(
    // At a lower CPU priority than the app, as README's Production section advises: the worker
    // takes what the readers leave (nice execs node in place, so the pid is the worker's own).
    spawn("nice", ["-n", "10", process.execPath, "--conditions=react-server", "--import", "tsx", "scripts/outbox-worker.ts"], {
      cwd: repoRoot,
      env: appEnv(repoRoot, file, env),
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    }),
  );
  let output = "";
  const ready = new Promise<number>((resolve) => {
    child.stdout!.on("data", (d: Buffer) => {
      output = (output + d).slice(-8000);
      if (output.includes("outbox worker:")) resolve(Date.now());
    });
  });
  child.stderr!.on("data", (d: Buffer) => (output = (output + d).slice(-8000)));
  return { child, ready, output: () => output };
}

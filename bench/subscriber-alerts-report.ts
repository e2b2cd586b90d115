import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { machine, verdictTable } from "./report";
import { formatMb, formatMs, formatRatio, ratio, renderTable } from "./stats";
import type { SubscriberAlerts } from "./subscriber-alerts";

export type { SubscriberAlerts };

const seconds = (ms: number | null) => (ms === null ? "—" : `${(ms / 1000).toFixed(2)} s`);

/** The alerts section's figures: the timeline from the worker's spawn, its memory, and the readers' latency both ways. */
export function subscriberAlertsTable(a: SubscriberAlerts): string {
  const head = `subscriber alerts — ${a.subscribers.toLocaleString("en-US")} confirmed subscribers (inserted in ${a.seedSeconds.toFixed(1)} s), one publication by a scheduler tick (${formatMs(a.publishMs)}), the standalone worker with ${a.mailConnections} SMTP connections into a local sink:`;
  const timeline = renderTable(
    ["from the worker's spawn", "time", "note"],
    [
      ["ready (Node, tsx, migrations checked)", seconds(a.startupMs), ""],
      [
        "fan-out committed (one INSERT…SELECT)",
        seconds(a.startupMs !== null && a.fanOutMs !== null ? a.startupMs + a.fanOutMs : null),
        `${formatMs(a.fanOutMs)} after ready`,
      ],
      ["first message accepted", seconds(a.firstAcceptedMs), ""],
      [
        `message ${a.subscribers.toLocaleString("en-US")} accepted`,
        seconds(a.totalMs),
        `${a.messagesPerSecond.toFixed(0)} msg/s overall, ${a.sendingPerSecond?.toFixed(0) ?? "—"} msg/s while sending`,
      ],
      [
        "worker RSS (every 250 ms)",
        "",
        `ready ${formatMb(a.rss.ready)}, 10% ${formatMb(a.rss.at10)}, 90% ${formatMb(a.rss.at90)}, peak ${formatMb(a.rss.peak)}, end ${formatMb(a.rss.end)} (${a.rss.samples} samples)`,
      ],
    ],
  );
  const readers = renderTable(
    ["page", "quiet p50", "quiet p99", "during p50", "during p99", "p99 ratio", "req/s during", "errors"],
    a.readers.quiet.map((quiet) => {
      const during = a.readers.during.find((d) => d.name === quiet.name);
      return [
        `${quiet.name} ${quiet.path}`,
        formatMs(quiet.p50),
        formatMs(quiet.p99),
        formatMs(during?.p50),
        formatMs(during?.p99),
        formatRatio(ratio(during?.p99 ?? Number.NaN, quiet.p99)),
        during ? during.rps.toFixed(0) : "—",
        String(during?.errors ?? "—"),
      ];
    }),
  );
  return `${head}\n${timeline}\n\nreaders at ${a.readers.rate} req/s per page over ${a.readers.connections} connections, no mail vs while it goes out:\n${readers}`;
}

type SectionOptions = {
  repoRoot: string;
  databaseFile: string;
  dir: string;
  duration: number;
  subscribers: number;
  log: (s: string) => void;
};

/** The section inside the full run: a failure is logged and the rest of the bench goes on. */
export async function subscriberAlertsSection(o: SectionOptions): Promise<SubscriberAlerts | undefined> {
  const { measureSubscriberAlerts } = await import("./subscriber-alerts");
  return measureSubscriberAlerts(o).catch((error: unknown) => {
    o.log(`subscriber alerts did not run: ${String(error).split("\n")[0]}`);
    return undefined;
  });
}

/** `npm run bench -- --only=subscriber-alerts`: the section alone on the seeded database, its table and verdicts, bench/results-alerts.json. */
export async function runSubscriberAlertsOnly(o: SectionOptions) {
  const { measureSubscriberAlerts } = await import("./subscriber-alerts");
  const { subscriberAlertVerdicts } = await import("./verdicts");
  const { BUSY_TIMEOUT_MS } = await import("@/db/client");
  const started = performance.now();
  const alerts = await measureSubscriberAlerts(o);
  const verdicts = subscriberAlertVerdicts(alerts, BUSY_TIMEOUT_MS);
  const m = machine();
  console.log(`\nKōhō subscriber alerts — ${m.cpu}, ${m.memory}, Node ${m.node}; load average ${m.loadAverage}\n`);
  console.log(`${subscriberAlertsTable(alerts)}\n\n${verdictTable(verdicts)}\n`);
  const output = { generatedAt: new Date().toISOString(), seconds: (performance.now() - started) / 1000, machine: m, alerts, verdicts };
  writeFileSync(join(o.repoRoot, "bench", "results-alerts.json"), `${JSON.stringify(output, null, 2)}\n`);
  o.log(`wrote bench/results-alerts.json (${output.seconds.toFixed(0)} s for the section)`);
}

// Runs one autocannon flood in its own process and prints the result as JSON on stdout. Started
// by bench/staff-under-flood.ts under `nice -n 19`: the load stands for readers on other
// machines, so on this one it should take only the CPU the servers leave.
import { readFileSync } from "node:fs";
import autocannon from "autocannon";

const { url, connections, duration, paths } = JSON.parse(readFileSync(process.argv[2], "utf8"));
const result = await autocannon({
  url,
  connections,
  duration,
  timeout: 10,
  requests: paths.map((path) => ({ method: "GET", path })),
});
process.stdout.write(
  JSON.stringify({
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors, // autocannon counts its timeouts among its errors
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count])),
  }),
);

/**
 * The bench's SMTP sink, as a process of its own (forked with an IPC channel) so counting mail
 * does not share an event loop with the load generator. A real SMTP server (the `smtp-server`
 * package, as the tests use) that accepts every message and only counts it: the body is drained,
 * never parsed. A message counts once the server has answered 250 to its DATA.
 * Reports to the parent: { ready, port }, then { accepted, distinct, at } every `every` messages
 * and once more when `target` is reached (`at` is Date.now() on the same machine's clock).
 */
import { SMTPServer } from "smtp-server";

const target = Number(process.env.SINK_TARGET ?? 100_000);
const every = Number(process.env.SINK_EVERY ?? 1_000);
const recipients = new Set();
let accepted = 0;
let bytes = 0;

const report = () => process.send?.({ accepted, distinct: recipients.size, bytes, at: Date.now() });

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  size: 10 * 1024 * 1024,
  // Connections live as long as the worker's pool keeps them; no greeting delay.
  socketTimeout: 120_000,
  onData(stream, session, callback) {
    stream.on("data", (chunk) => (bytes += chunk.length));
    stream.on("end", () => {
      for (const r of session.envelope.rcptTo) recipients.add(r.address);
      accepted++;
      callback();
      if (accepted === 1 || accepted % every === 0 || accepted === target) report();
    });
  },
});

server.listen(0, "127.0.0.1", () => process.send?.({ ready: true, port: server.server.address().port }));
process.on("message", (message) => {
  if (message === "report") report();
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
process.on("disconnect", () => process.exit(0));

import { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";

export type ReceivedMail = { to: string; messageId: string; parsed: ParsedMail };

/**
 * A real SMTP server for tests (the `smtp-server` package), on a free loopback port or a given
 * one, keeping every message it accepted, parsed with mailparser. A message counts as delivered
 * only once the server has answered 250 to it, as in SMTP itself. `refuse` answers a recipient
 * with a permanent 550; `hold()` stops answering DATA until `release()`, to catch a sender
 * mid-batch; `close()` stops the server (connections drop), `listen()` starts it again.
 */
export async function startSmtpSink({ port = 0, refuse = [] as string[] } = {}) {
  const received: ReceivedMail[] = [];
  let held: (() => void)[] | null = null;
  let onAccepted: ((mail: ReceivedMail) => void) | null = null;
  const options: SMTPServerOptions = {
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    closeTimeout: 200,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      if (refuse.includes(address.address.toLowerCase())) {
        const error = Object.assign(new Error("5.1.1 No such mailbox here"), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        const parsed = await simpleParser(Buffer.concat(chunks));
        const accept = () => {
          const mail = { to: session.envelope.rcptTo.map((r) => r.address).join(","), messageId: parsed.messageId ?? "", parsed };
          received.push(mail);
          callback();
          onAccepted?.(mail);
        };
        if (held) held.push(accept);
        else accept();
      });
    },
  };
  let server = new SMTPServer(options);
  let boundPort = port;
  let listening = false;
  const listen = () =>
    listening
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          server = new SMTPServer(options);
          server.once("error", reject);
          server.listen(boundPort, "127.0.0.1", () => {
            listening = true;
            boundPort = (server.server.address() as AddressInfo).port;
            resolve();
          });
        });
  await listen();
  return {
    received,
    get port() {
      return boundPort;
    },
    get url() {
      return `smtp://127.0.0.1:${boundPort}`;
    },
    listen,
    close: () =>
      new Promise<void>((resolve) => {
        if (!listening) return resolve();
        listening = false;
        server.close(() => resolve());
      }),
    /** From now on, accept nothing: the messages that arrive wait unanswered. */
    hold: () => {
      held ??= [];
    },
    /** Answers the waiting messages (or, with drop, leaves them unanswered for good) and accepts again. */
    release: ({ drop = false } = {}) => {
      const waiting = held ?? [];
      held = null;
      if (!drop) waiting.forEach((accept) => accept());
    },
    onAccepted: (fn: ((mail: ReceivedMail) => void) | null) => {
      onAccepted = fn;
    },
    to: (address: string) => received.filter((m) => m.to === address),
  };
}

export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;

/** A header as it was sent (mailparser folds the List-* headers into one structured value). */
export function rawHeader(mail: ReceivedMail, name: string): string | undefined {
  const line = mail.parsed.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line?.slice(line.indexOf(":") + 1).trim();
}

import "server-only";
import { connect, type Socket } from "node:net";
import nodemailer, { type Transporter } from "nodemailer";
import { desc, lt, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { keptMessages } from "@/db/schema";
import { env } from "@/lib/env";

export type OutgoingMail = {
  deliveryId: number;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
};

/**
 * What became of one hand-over. `permanent` is the receiving server refusing for good (a 5xx:
 * unknown mailbox, say) — a bounce; otherwise it may work later. `outage` is the SMTP server
 * not answering at all, which says nothing about the message and pauses the whole batch.
 */
export type SendOutcome = { ok: true } | { ok: false; permanent: boolean; outage: boolean; reason: string };

export type MailTransport = { kind: "smtp" | "kept"; send: (mail: OutgoingMail) => Promise<SendOutcome>; close: () => void };

const KEPT_LIMIT = 500;
const OUTAGE_CODES = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ECONNREFUSED", "ECONNRESET", "EPIPE", "EAUTH", "ETLS"]);

type SmtpError = Error & { code?: string; responseCode?: number; response?: string };

export function classifySmtpError(error: SmtpError): Exclude<SendOutcome, { ok: true }> {
  const reason = (error.response ?? error.message ?? "Unknown error").slice(0, 500);
  if (error.responseCode && error.responseCode >= 500) return { ok: false, permanent: true, outage: false, reason };
  if (error.responseCode && error.responseCode >= 400) return { ok: false, permanent: false, outage: false, reason };
  return { ok: false, permanent: false, outage: !error.code || OUTAGE_CODES.has(error.code), reason };
}

type SocketCallback = (error: null, socket: { connection: Socket }) => void;

/**
 * The pool's TCP connections, opened with Nagle's algorithm off. nodemailer 8 leaves it on, so a
 * message's last small write (the terminating dot) waits for the server to acknowledge the one
 * before, which Linux delays by 40 ms: 40 ms per message per connection, ~170 msg/s over 8
 * connections, against ~1,500 with it off (bench/subscriber-alerts.ts). nodemailer 10 sets
 * TCP_NODELAY itself; this goes when it is upgraded. The socket is handed over still connecting,
 * so a refusal or a timeout reaches nodemailer's own handlers (and the pool frees the
 * connection) exactly as with the sockets it opens itself; TLS is still nodemailer's, on top.
 */
function noDelaySocket(options: { host?: string; port?: number; secure?: boolean; connectionTimeout?: number }, callback: SocketCallback) {
  const socket = connect({ host: options.host || "localhost", port: Number(options.port) || (options.secure ? 465 : 587) });
  socket.setNoDelay(true);
  const timer = setTimeout(
    () => socket.destroy(Object.assign(new Error("Connection timeout"), { code: "ETIMEDOUT" })),
    options.connectionTimeout ?? 10_000,
  );
  timer.unref();
  socket.once("connect", () => clearTimeout(timer));
  socket.once("close", () => clearTimeout(timer));
  callback(null, { connection: socket });
}

/** The pooled SMTP transport for SMTP_URL: a few long-lived connections, many messages each. */
function smtpTransport(url: string): MailTransport {
  const withPool = new URL(url);
  const defaults = {
    pool: "true",
    maxConnections: String(env().MAIL_CONNECTIONS),
    maxMessages: "1000",
    connectionTimeout: "10000",
    socketTimeout: "30000",
  };
  for (const [key, value] of Object.entries(defaults)) if (!withPool.searchParams.has(key)) withPool.searchParams.set(key, value);
  const transporter: Transporter = nodemailer.createTransport(withPool.toString());
  // nodemailer's documented hook for custom sockets (proxies use it); the pool takes it on the first send.
  (transporter as Transporter & { getSocket: typeof noDelaySocket }).getSocket = noDelaySocket;
  return {
    kind: "smtp",
    send: async (mail) => {
      try {
        await transporter.sendMail({
          from: env().MAIL_FROM,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: mail.messageId,
          headers: mail.headers,
        });
        return { ok: true };
      } catch (error) {
        return classifySmtpError(error as SmtpError);
      }
    },
    close: () => transporter.close(),
  };
}

/** No SMTP_URL (npm run dev): the message is kept for the studio to show; the newest KEPT_LIMIT stay. */
function keptTransport(db: Database): MailTransport {
  let sinceTrim = 0;
  return {
    kind: "kept",
    send: async (mail) => {
      await db.insert(keptMessages).values({
        deliveryId: mail.deliveryId,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: { "Message-ID": mail.messageId, From: env().MAIL_FROM, ...mail.headers },
        keptAt: new Date(),
      });
      if (++sinceTrim >= 50) {
        sinceTrim = 0;
        const [edge] = await db
          .select({ id: keptMessages.id })
          .from(keptMessages)
          .orderBy(desc(keptMessages.id))
          .limit(1)
          .offset(KEPT_LIMIT);
        if (edge) await db.delete(keptMessages).where(lt(keptMessages.id, sql`${edge.id} + 1`));
      }
      return { ok: true };
    },
    close: () => {},
  };
}

export function openMailTransport(db: Database): MailTransport {
  const url = env().SMTP_URL;
  return url ? smtpTransport(url) : keptTransport(db);
}

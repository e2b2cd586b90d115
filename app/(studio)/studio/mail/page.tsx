import type { Metadata } from "next";
import Link from "next/link";
import { formatTokyoDateTime } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { KEPT_MESSAGES_SHOWN, listKeptMessages } from "@/server/subscriptions/kept-mail";
import { studioPageUser } from "../_lib/page-user";
import "../subscribers/subscribers.css";

export const metadata: Metadata = { title: "Kept mail" };

async function load() {
  try {
    return await listKeptMessages();
  } catch (error) {
    if (error instanceof AppError && error.type === "forbidden") return null;
    throw error;
  }
}

/** With no SMTP_URL (npm run dev) the worker keeps each message here instead of sending it. */
export default async function KeptMailPage() {
  await studioPageUser();
  const kept = await load();
  if (kept === null) {
    return (
      <>
        <h1>Kept mail</h1>
        <p className="form-error" role="alert">
          Only publishers and administrators can read subscriber mail.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Kept mail</h1>
      <p className="notice">
        {kept.smtpConfigured
          ? "SMTP_URL is set, so new mail is sent, not kept. These are messages kept before it was set."
          : "SMTP_URL is not set, so nothing is sent: each message subscribers would get is kept here instead, exactly as it would go out."}
      </p>
      <p>
        <Link href="/studio/subscribers">Back to subscribers</Link>
      </p>
      {kept.messages.length === 0 ? (
        <p>No message has been kept yet. Subscribe on the public site, or publish an item someone follows.</p>
      ) : (
        <>
          <p role="status">
            {kept.total > KEPT_MESSAGES_SHOWN
              ? `The newest ${KEPT_MESSAGES_SHOWN} of ${kept.total} kept messages.`
              : `${kept.total} kept ${kept.total === 1 ? "message" : "messages"}, newest first.`}
          </p>
          <div className="table-scroll">
            <table className="data-table kept-list">
              <caption className="visually-hidden">Kept messages, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Subject</th>
                  <th scope="col">To</th>
                  <th scope="col">Kept (Tokyo)</th>
                </tr>
              </thead>
              <tbody>
                {kept.messages.map((m) => (
                  <tr key={m.id}>
                    <td>
                      <Link href={`/studio/mail/${m.id}`}>{m.subject}</Link>
                    </td>
                    <td>{m.to}</td>
                    <td>
                      <time dateTime={m.keptAt}>{formatTokyoDateTime(m.keptAt)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

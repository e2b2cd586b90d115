import type { Metadata } from "next";
import Link from "next/link";
import { formatTokyoDateTime } from "@/lib/dates";
import { KEPT_MESSAGES_SHOWN, listKeptMessages } from "@/server/subscriptions/kept-mail";
import { studioPageUser } from "../_lib/page-user";
import "../subscribers/subscribers.css";
import { readOrRefused, RefusedPage } from "../_lib/read-or-refused";

export const metadata: Metadata = { title: "Kept mail" };

const load = () => readOrRefused(() => listKeptMessages());

/** With no SMTP_URL (npm run dev) the worker keeps each message here instead of sending it. */
export default async function KeptMailPage() {
  await studioPageUser();
  const kept = await load();
  if (kept === null) {
    return <RefusedPage title="Kept mail">Only publishers and administrators can read subscriber mail.</RefusedPage>;
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

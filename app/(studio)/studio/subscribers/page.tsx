import type { Metadata } from "next";
import Link from "next/link";
import { SubscriberCounts } from "@/components/studio/subscriber-counts";
import { formatTokyoDateTime } from "@/lib/dates";
import { can } from "@/lib/permissions";
import { formatAge } from "@/lib/subscribers/age";
import { getSubscriberOverview } from "@/server/subscriptions/subscriber-overview";
import { studioPageUser } from "../_lib/page-user";
import { FindSubscriberForm } from "./_components/find-subscriber-form";
import "./subscribers.css";
import { readOrRefused, RefusedPage } from "../_lib/read-or-refused";

export const metadata: Metadata = { title: "Subscribers" };

const load = () => readOrRefused(() => getSubscriberOverview());

export default async function SubscribersPage({ searchParams }: PageProps<"/studio/subscribers">) {
  const user = await studioPageUser();
  const overview = await load();
  if (overview === null) {
    return <RefusedPage title="Subscribers">Only publishers and administrators can see the subscriber list.</RefusedPage>;
  }
  const deleted = (await searchParams).deleted;
  const { queue } = overview;
  return (
    <>
      <h1>Subscribers</h1>
      {deleted && (
        <p className="notice" role="status">
          {deleted === "already"
            ? "That subscriber had already been deleted."
            : "The subscriber and everything held about the address (choices, messages, kept copies) were deleted."}
        </p>
      )}
      {overview.smtpConfigured ? (
        <p className="notice">Mail is sent through the SMTP server in SMTP_URL.</p>
      ) : (
        <p className="notice smtp-missing">
          <strong>Mail is kept here, not sent: SMTP_URL is not set.</strong> <Link href="/studio/mail">See the kept messages</Link> to read
          exactly what subscribers would get.
        </p>
      )}

      <SubscriberCounts overview={overview} />

      <section aria-labelledby="queue-heading" className="subscriber-section">
        <h2 id="queue-heading">Mail queue</h2>
        <dl className="figures">
          <div>
            <dt>Waiting to be sent</dt>
            <dd>{queue.queued}</dd>
          </div>
          <div>
            <dt>Being handed over now</dt>
            <dd>{queue.sending}</dd>
          </div>
          <div>
            <dt>Sent in the last 24 hours</dt>
            <dd>{queue.sentLastDay}</dd>
          </div>
          <div>
            <dt>Failed in the last 24 hours</dt>
            <dd>{queue.failedLastDay}</dd>
          </div>
          <div>
            <dt>Oldest waiting message</dt>
            <dd>
              {queue.oldestQueuedAt && queue.oldestQueuedAgeMs !== null ? (
                <>
                  {formatAge(queue.oldestQueuedAgeMs)}{" "}
                  <span className="hint">
                    (queued <time dateTime={queue.oldestQueuedAt}>{formatTokyoDateTime(queue.oldestQueuedAt)}</time>)
                  </span>
                </>
              ) : (
                "None waiting"
              )}
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="bounces-heading" className="subscriber-section">
        <h2 id="bounces-heading">Recent bounces</h2>
        {overview.bounces.length === 0 ? (
          <p>No address has bounced.</p>
        ) : (
          <>
            {overview.addressesMasked && <p className="hint">Addresses are shortened: only administrators see them whole.</p>}
            <div className="table-scroll">
              <table className="data-table">
                <caption className="visually-hidden">Subscribers whose mail bounced, newest bounce first</caption>
                <thead>
                  <tr>
                    <th scope="col">Address</th>
                    <th scope="col">Last bounce (Tokyo)</th>
                    <th scope="col">Reason given</th>
                    <th scope="col">Bounces</th>
                  </tr>
                </thead>
                <tbody>
                  {overview.bounces.map((b) => (
                    <tr key={`${b.email}-${b.lastBounceAt}`}>
                      <td>{b.email}</td>
                      <td>
                        <time dateTime={b.lastBounceAt}>{formatTokyoDateTime(b.lastBounceAt)}</time>
                      </td>
                      <td>{b.reason ?? "None recorded"}</td>
                      <td>{b.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      {can(user, "subscribers:manage") && (
        <section aria-labelledby="find-heading" className="subscriber-section">
          <h2 id="find-heading">Find a subscriber</h2>
          <p>
            For a request about one person’s data: find their exact address to see, export or delete everything held about it. Each search
            is written to the audit log.
          </p>
          <FindSubscriberForm />
        </section>
      )}
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { DeliveryCountsTable } from "@/components/studio/delivery-counts-table";
import { DELIVERY_STATUS_LABELS } from "@/components/studio/delivery-labels";
import { formatTokyoDateTime } from "@/lib/dates";
import { getDeliveryReport, type DeliveryReport } from "@/server/subscriptions/delivery-report";
import { studioPageUser } from "../../../_lib/page-user";
import "../../../subscribers/subscribers.css";
import { readOrRefused, RefusedPage } from "../../../_lib/read-or-refused";

export const metadata: Metadata = { title: "Subscribers of a news item" };

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const EVENT_LABELS: Record<DeliveryReport["events"][number]["kind"], string> = {
  published: "First publication",
  updated: "Major change",
  withdrawn: "Withdrawal",
};

const load = (articleId: number) => readOrRefused(() => getDeliveryReport({ articleId }));

const when = (iso: string | null, none: string) => (iso ? <time dateTime={iso}>{formatTokyoDateTime(iso)}</time> : none);

export default async function ArticleDeliveryPage({ params }: PageProps<"/studio/articles/[id]/delivery">) {
  await studioPageUser();
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const report = await load(id.data);
  if (report === null) {
    return <RefusedPage title="Subscribers">Only publishers and administrators can see what was sent to subscribers.</RefusedPage>;
  }
  return (
    <>
      <h1>Subscribers: {report.article.title}</h1>
      <p>
        <Link href={`/studio/articles/${report.article.id}`}>Back to the editor</Link>
      </p>

      <section aria-labelledby="mail-heading" className="subscriber-section">
        <h2 id="mail-heading">E-mail about this item</h2>
        <p>Last message handed over: {when(report.lastSentAt, "none yet")}.</p>
        <DeliveryCountsTable report={report} />
      </section>

      <section aria-labelledby="failures-heading" className="subscriber-section">
        <h2 id="failures-heading">Why messages failed</h2>
        {report.failures.length === 0 ? (
          <p>No message about this item has failed.</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">Failed messages by the reason the receiving server gave, most common first</caption>
              <thead>
                <tr>
                  <th scope="col">Reason</th>
                  <th scope="col">Messages</th>
                  <th scope="col">For example</th>
                </tr>
              </thead>
              <tbody>
                {report.failures.map((f) => (
                  <tr key={f.reason}>
                    <td>{f.reason}</td>
                    <td>{f.count}</td>
                    <td>{f.examples.join(", ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="events-heading" className="subscriber-section">
        <h2 id="events-heading">What subscribers were to hear about</h2>
        {report.events.length === 0 ? (
          <p>Nothing yet: alerts are recorded when the item is first published, changed in a major way or withdrawn.</p>
        ) : (
          <table className="data-table">
            <caption className="visually-hidden">Outbox events of this item, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">When (Tokyo)</th>
                <th scope="col">Messages queued</th>
              </tr>
            </thead>
            <tbody>
              {report.events.map((e) => (
                <tr key={e.id}>
                  <td>{EVENT_LABELS[e.kind]}</td>
                  <td>{when(e.occurredAt, "")}</td>
                  <td>{when(e.fannedOutAt, "Not yet")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="pings-heading" className="subscriber-section">
        <h2 id="pings-heading">Feed hub pings (WebSub)</h2>
        {report.pings.length === 0 ? (
          <p>No ping for this item: none is sent unless WEBSUB_HUB_URL is set.</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">Pings to the feed hub for each feed this item changed</caption>
              <thead>
                <tr>
                  <th scope="col">Feed</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Last error</th>
                </tr>
              </thead>
              <tbody>
                {report.pings.map((p) => (
                  <tr key={`${p.eventId}-${p.topic}`}>
                    <td>
                      <code>{p.topic}</code>
                    </td>
                    <td>
                      {DELIVERY_STATUS_LABELS[p.status]} {p.sentAt && when(p.sentAt, "")}
                    </td>
                    <td>{p.attempts}</td>
                    <td>{p.lastError ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

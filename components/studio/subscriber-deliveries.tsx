import Link from "next/link";
import { formatTokyoDateTime } from "@/lib/dates";
import type { SubscriberDelivery } from "@/server/subscriptions/subscriber-records";
import { DELIVERY_KIND_LABELS, DELIVERY_STATUS_LABELS } from "./delivery-labels";

/** One subscriber's messages, newest first: what, about which item, and what became of it. */
export function SubscriberDeliveries({ deliveries }: { deliveries: SubscriberDelivery[] }) {
  if (deliveries.length === 0) return <p>No message has been queued for this address.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Messages to this address, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Queued (Tokyo)</th>
            <th scope="col">Message</th>
            <th scope="col">About</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => (
            <tr key={d.id}>
              <td>
                <time dateTime={d.createdAt}>{formatTokyoDateTime(d.createdAt)}</time>
              </td>
              <td>{DELIVERY_KIND_LABELS[d.kind]}</td>
              <td>
                {d.articleId ? (
                  <Link href={`/studio/articles/${d.articleId}`}>{d.articleTitle ?? `Item ${d.articleId}`}</Link>
                ) : d.digestEventIds ? (
                  `${d.digestEventIds.length} ${d.digestEventIds.length === 1 ? "item" : "items"}`
                ) : (
                  "—"
                )}
              </td>
              <td>
                {DELIVERY_STATUS_LABELS[d.status]}
                {d.sentAt && (
                  <>
                    {" "}
                    <time dateTime={d.sentAt}>{formatTokyoDateTime(d.sentAt)}</time>
                  </>
                )}
                {d.attempts > 1 && ` after ${d.attempts} attempts`}
                {d.lastError && <span className="hint"> — {d.lastError}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

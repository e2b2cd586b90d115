import { DELIVERY_STATUSES } from "@/lib/vocabulary";
import { REPORT_KINDS, type DeliveryReport } from "@/server/subscriptions/delivery-report";
import { DELIVERY_KIND_LABELS, DELIVERY_STATUS_LABELS } from "./delivery-labels";

/** One item's messages: a row per kind (and the digests that carried it), a column per outcome. */
export function DeliveryCountsTable({ report }: { report: DeliveryReport }) {
  const rows = [
    ...REPORT_KINDS.map((kind) => ({ key: kind, label: DELIVERY_KIND_LABELS[kind], counts: report.byKind[kind] })),
    { key: "digest", label: "In daily digests", counts: report.digests },
  ];
  return (
    <div className="table-scroll">
      <table className="data-table delivery-counts">
        <caption className="visually-hidden">Messages about this item by kind and outcome</caption>
        <thead>
          <tr>
            <th scope="col">Message</th>
            {DELIVERY_STATUSES.map((s) => (
              <th scope="col" key={s}>
                {DELIVERY_STATUS_LABELS[s]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-kind={row.key}>
              <th scope="row">{row.label}</th>
              {DELIVERY_STATUSES.map((s) => (
                <td key={s} data-status={s}>
                  {row.counts[s]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

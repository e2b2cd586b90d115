import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { formatTokyoDateTime } from "@/lib/dates";
import { AUDIT_OUTCOMES, listAuditEntries, type AuditLogEntry } from "@/server/audit-log";
import { studioPageUser } from "../_lib/page-user";
import "./audit.css";
import { readOrRefused, RefusedPage } from "../_lib/read-or-refused";

export const metadata: Metadata = { title: "Audit log" };

const OUTCOME_LABELS: Record<(typeof AUDIT_OUTCOMES)[number], string> = { ok: "Done", denied: "Denied", failed: "Failed" };

// Search params are user input: anything odd falls back to "no filter".
const filtersSchema = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1),
  action: z
    .string()
    .regex(/^[a-z][a-z0-9_.:-]{0,63}$/)
    .optional()
    .catch(undefined),
  outcome: z.enum(AUDIT_OUTCOMES).optional().catch(undefined),
});

function href(filters: { page?: number; action?: string; outcome?: string }) {
  const params = new URLSearchParams();
  if (filters.action) params.set("action", filters.action);
  if (filters.outcome) params.set("outcome", filters.outcome);
  if (filters.page && filters.page > 1) params.set("page", String(filters.page));
  const query = params.toString();
  return query ? `?${query}` : "/studio/audit";
}

const load = (filters: z.output<typeof filtersSchema>) => readOrRefused(() => listAuditEntries(filters));

function Details({ details }: { details: AuditLogEntry["details"] }) {
  const entries = Object.entries(details ?? {});
  if (entries.length === 0) return null;
  return (
    <dl className="audit-details">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>{typeof value === "string" ? value : JSON.stringify(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

export default async function AuditPage({ searchParams }: PageProps<"/studio/audit">) {
  await studioPageUser();
  const raw = await searchParams;
  const filters = filtersSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const log = await load(filters);
  if (log === null) {
    return <RefusedPage title="Audit log">Only administrators can read the audit log.</RefusedPage>;
  }
  const actions = filters.action && !log.actions.includes(filters.action) ? [...log.actions, filters.action] : log.actions;
  return (
    <>
      <h1>Audit log</h1>
      <form className="filters" method="get" role="search" aria-label="Filter the audit log">
        <div className="field">
          <label htmlFor="audit-action">Action</label>
          <select id="audit-action" name="action" defaultValue={filters.action ?? ""}>
            <option value="">Any action</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-outcome">Outcome</label>
          <select id="audit-outcome" name="outcome" defaultValue={filters.outcome ?? ""}>
            <option value="">Any outcome</option>
            {AUDIT_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {OUTCOME_LABELS[o]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Apply filters
        </button>
      </form>
      <p role="status">
        {log.total === 0
          ? "No entries match these filters."
          : `${log.total} ${log.total === 1 ? "entry" : "entries"}, newest first. Page ${log.page} of ${log.totalPages}.`}
      </p>
      {log.entries.length > 0 && (
        <div className="table-scroll">
          <table className="data-table audit-table">
            <caption className="visually-hidden">Audit log entries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When (Tokyo)</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Outcome</th>
                <th scope="col">Target</th>
                <th scope="col">IP</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {log.entries.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.at}>{formatTokyoDateTime(e.at)}</time>
                  </td>
                  <td>{e.actorLabel}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>
                    <span className={e.outcome === "ok" ? "state state-published" : `state outcome-${e.outcome}`}>
                      {OUTCOME_LABELS[e.outcome]}
                    </span>
                  </td>
                  <td>{e.targetType ? `${e.targetType} ${e.targetId ?? ""}`.trim() : ""}</td>
                  <td>{e.ip ?? ""}</td>
                  <td>
                    <Details details={e.details} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {log.totalPages > 1 && (
        <nav className="pagination" aria-label="Audit log pages">
          {log.page > 1 ? <Link href={href({ ...filters, page: log.page - 1 })}>← Newer</Link> : <span />}
          <span>
            Page {log.page} of {log.totalPages}
          </span>
          {log.page < log.totalPages ? <Link href={href({ ...filters, page: log.page + 1 })}>Older →</Link> : <span />}
        </nav>
      )}
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { StateBadge } from "@/components/studio/state-badge";
import { listRecommendationLists } from "@/server/lists/summaries";
import { studioPageUser } from "../_lib/page-user";
import "./lists.css";

export const metadata: Metadata = { title: "Lists" };

const PLACEMENT = { default: "Site default", category: "Category", article: "One news item" } as const;

export default async function ListsPage() {
  await studioPageUser();
  const lists = await listRecommendationLists();
  return (
    <>
      <div className="toolbar-row">
        <h1>“Recommended for You” lists</h1>
        <Link href="/studio/lists/new" className="button primary">
          New list
        </Link>
      </div>
      <p className="hint">An item shows the list placed on it, else its category’s, else the site default.</p>
      <table className="data-table lists-table">
        <caption className="visually-hidden">All lists, with where they appear and their health</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Appears</th>
            <th scope="col">Newest edition</th>
            <th scope="col">Public</th>
            <th scope="col">Health</th>
          </tr>
        </thead>
        <tbody>
          {lists.map((l) => (
            <tr key={l.id}>
              <td>
                <Link href={`/studio/lists/${l.id}`}>{l.name}</Link>
              </td>
              <td>
                {PLACEMENT[l.placement]}
                <br />
                <span className="hint">{l.target}</span>
              </td>
              <td>
                {l.editionNumber}: <StateBadge state={l.editionState} />
              </td>
              <td>{l.status === "published" ? "Yes" : "Not yet"}</td>
              <td>{l.healthLabel ? <strong className="list-health-flag">{l.healthLabel}</strong> : "All items public"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {lists.length === 0 && <p>There are no lists yet.</p>}
    </>
  );
}

import Link from "next/link";
import { listUnhealthyLists } from "@/server/lists/health";

/** Dashboard panel: lists whose published items are no longer public. Renders nothing when all are healthy. */
export async function ListHealthPanel() {
  const lists = await listUnhealthyLists();
  if (lists.length === 0) return null;
  return (
    <section className="failed form-error" aria-labelledby="list-health-heading">
      <h2 id="list-health-heading">Lists that need attention</h2>
      <ul>
        {lists.map((l) => (
          <li key={l.listId}>
            <Link href={`/studio/lists/${l.listId}`}>{l.name}</Link>: {l.label}
          </li>
        ))}
      </ul>
    </section>
  );
}

import Link from "next/link";
import { formatTokyoDateTime } from "@/lib/dates";
import type { StudioArticleRow } from "@/server/articles/studio-dto";
import { LanguageBadge, OutOfDateBadge } from "./out-of-date-badge";
import { StateBadge } from "./state-badge";

export function ArticleTable({ rows, caption }: { rows: StudioArticleRow[]; caption: string }) {
  return (
    <table className="data-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Language</th>
          <th scope="col">State</th>
          <th scope="col">Category</th>
          <th scope="col">Author</th>
          <th scope="col">Last change</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td>
              <Link href={`/studio/articles/${row.id}`} lang={row.language}>
                {row.title}
              </Link>
              {row.status === "published" && row.state !== "published" && (
                <div className="hint">Published; edition {row.editionNumber} in progress</div>
              )}
            </td>
            <td>
              <LanguageBadge code={row.language} name={row.languageName} />
              {row.translationOfId !== null && <div className="hint">Translation</div>}
            </td>
            <td>
              <StateBadge state={row.state} />
              {row.outOfDateSince && (
                <>
                  {" "}
                  <OutOfDateBadge since={row.outOfDateSince} />
                </>
              )}
            </td>
            <td>{row.categoryName}</td>
            <td>{row.authorName ?? "—"}</td>
            <td>{formatTokyoDateTime(row.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

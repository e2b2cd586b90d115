import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { listRevisions, REVISION_LIST_LIMIT } from "@/server/workflow/revisions";
import { studioPageUser } from "../../../_lib/page-user";
import { CompareRevisions } from "./_components/compare-revisions";
import { RestoreSection } from "./_components/restore-section";
import { revisionLabel } from "./_components/save-label";
import { SavePicker } from "./_components/save-picker";
import "./history.css";

export const metadata: Metadata = { title: "History of a news item" };

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const optionalId = idSchema.optional().catch(undefined);
const querySchema = z.object({ from: optionalId, to: optionalId, restore: optionalId, restored: optionalId });

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function ArticleHistoryPage({ params, searchParams }: PageProps<"/studio/articles/[id]/history">) {
  await studioPageUser();
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const raw = await searchParams;
  const query = querySchema.parse({
    from: single(raw.from),
    to: single(raw.to),
    restore: single(raw.restore),
    restored: single(raw.restored),
  });

  const history = await listRevisions({ articleId: id.data }).catch((error) => {
    if (error instanceof AppError && error.type === "not_found") notFound();
    throw error;
  });
  const { article, revisions } = history;
  const base = `/studio/articles/${article.id}/history`;
  const known = (revisionId: number | undefined) => revisions.find((r) => r.id === revisionId);
  const newest = revisions[0];
  const from = known(query.from) ?? revisions[1] ?? newest;
  const to = known(query.to) ?? newest;
  const restoring = article.canRestore ? known(query.restore) : undefined;
  // The restore screen shows its own preview (current draft → that save), not a comparison.
  const restoreHref = (revisionId: number) => `${base}?restore=${revisionId}#restore`;

  return (
    <>
      <h1>History: {article.title}</h1>
      <ul className="history-links">
        <li>
          <Link href={`/studio/articles/${article.id}`}>Back to the editor</Link>
        </li>
        <li>
          <Link href={`/studio/articles/${article.id}/preview`}>Preview</Link>
        </li>
      </ul>

      {query.restored && (
        <p className="notice" role="status">
          Revision restored into the current draft, saved as version {query.restored}. The words it replaced are kept below as an earlier
          save.
        </p>
      )}

      {restoring && <RestoreSection articleId={article.id} revisionId={restoring.id} cancelHref={base} />}

      {!newest ? (
        <p className="notice">Nothing has been saved yet. Every save of the editor is kept here.</p>
      ) : revisions.length < 2 ? (
        <p className="notice">There is only one save so far ({revisionLabel(newest)}), so there is nothing to compare yet.</p>
      ) : (
        !restoring && <CompareRevisions articleId={article.id} from={from!} to={to!} />
      )}

      {newest && (
        <section className="history-section" aria-labelledby="saves-heading">
          <h2 id="saves-heading">Saves</h2>
          {history.truncated && <p className="hint">Showing the newest {REVISION_LIST_LIMIT} saves.</p>}
          <SavePicker
            action={base}
            revisions={revisions}
            fromId={from?.id}
            toId={to?.id}
            canRestore={article.canRestore}
            restoreHref={restoreHref}
          />
        </section>
      )}
    </>
  );
}

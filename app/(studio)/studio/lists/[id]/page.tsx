import type { Metadata } from "next";
import Link from "next/link";
import { PresenceStatus } from "@/components/editor/presence-status";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ListEditor } from "@/components/studio/list-editor";
import { ListHistory } from "@/components/studio/list-history";
import { ListPreview } from "@/components/studio/list-preview";
import { WorkflowSteps } from "@/components/studio/workflow-steps";
import { StateBadge } from "@/components/studio/state-badge";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { editLockReason } from "@/lib/workflow";
import { getRecommendationListForEditing } from "@/server/lists/for-editing";
import { listRecommendationListEditions } from "@/server/lists/history";
import { studioPageUser } from "../../_lib/page-user";
import { listTransitionAction, saveListAction } from "../actions";
import "../lists.css";

export const metadata: Metadata = { title: "Edit list" };

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export default async function EditListPage({ params }: PageProps<"/studio/lists/[id]">) {
  await studioPageUser();
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const [list, editions] = await Promise.all([
    getRecommendationListForEditing({ listId: id.data }),
    listRecommendationListEditions({ listId: id.data }),
  ]).catch((error) => {
    if (error instanceof AppError && error.type === "not_found") notFound();
    throw error;
  });
  const languages = env().SITE_LANGUAGES;
  const language = languages.find((l) => l.code === list.language) ?? languages[0]!;
  // In review, approved or scheduled: the entries are locked (server/ refuses saves too).
  const lockReason = editLockReason(list.edition.state);
  const fillNote =
    list.placement === "default" && list.edition.fillFromCategory ? "Filled per item from its own category on the public site." : undefined;
  return (
    <>
      <div className="toolbar-row">
        <h1>{list.edition.name}</h1>
        <span>
          Edition {list.edition.number}: <StateBadge state={list.edition.state} />
          {languages.length > 1 && <> · {language.englishName}</>}
        </span>
      </div>
      <p>
        {list.target} · <Link href="/studio/lists">All lists</Link>
      </p>
      {list.healthLabel && (
        <p className="form-error list-health" role="status">
          <strong>{list.healthLabel}</strong>: readers no longer see the items marked below; replace or remove them.
        </p>
      )}
      <PresenceStatus kind="list" id={list.id} />
      <div className="list-editor-grid">
        {/* A new state (sent for review, returned to draft) remounts the editor with the list's fresh version. */}
        <ListEditor key={`${list.id}:${list.edition.state}`} list={list} save={saveListAction} lockReason={lockReason} />
        <aside className="list-aside" aria-label="Workflow and preview">
          <WorkflowSteps
            kind="list"
            itemId={list.id}
            version={list.version}
            transitions={list.transitions}
            action={listTransitionAction}
            facts={{ ...list.edition, suggestedScheduleAt: list.suggestedScheduleAt }}
          />
          <ListPreview items={list.preview} heading={`Preview of edition ${list.edition.number}`} note={fillNote} language={language} />
          {list.status === "published" && list.edition.state !== "published" && (
            <ListPreview items={list.published} heading="What readers see now (published edition)" readerView={false} language={language} />
          )}
        </aside>
      </div>
      <ListHistory editions={editions} />
    </>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ArticleEditor } from "@/components/editor/article-editor";
import { PresenceStatus } from "@/components/editor/presence-status";
import { StateBadge } from "@/components/studio/state-badge";
import { AppError } from "@/lib/errors";
import { getArticleForEditing, listStudioFilterOptions } from "@/server/articles/studio-queries";
import Link from "next/link";
import { workflowColumnId } from "@/components/editor/editor-ids";
import { HeroImageField } from "@/components/editor/hero-image-field";
import { ArticleListPreview } from "@/components/studio/article-list-preview";
import { ReviewThread } from "@/components/studio/review-thread";
import { can } from "@/lib/permissions";
import { EDITABLE_STATES, editLockReason } from "@/lib/workflow";
import { getArticleHeroImage } from "@/server/media/hero";
import { ArticleWorkflow } from "@/components/studio/article-workflow";
import { listReviewThread } from "@/server/workflow/reviews";
import { OutOfDateBadge } from "@/components/studio/out-of-date-badge";
import { SourceColumn } from "@/components/studio/source-column";
import { TranslationsPanel } from "@/components/studio/translations-panel";
import { getTranslationPanel, getTranslatorView } from "@/server/articles/translation-queries";
import { confirmTranslationCurrentAction, createTranslationAction } from "../translation-actions";
import {
  commentAction,
  confirmReviewAction,
  restoreWithdrawnAction,
  saveArticleAction,
  transitionAction,
  withdrawAction,
} from "../actions";
import { setArticleHeroImageAction } from "../../media/actions";
import { studioPageUser } from "../../_lib/page-user";

export const metadata: Metadata = { title: "Edit news item" };

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export default async function EditArticlePage({ params }: PageProps<"/studio/articles/[id]">) {
  const user = await studioPageUser();
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const article = await getArticleForEditing({ id: id.data }).catch((error) => {
    if (error instanceof AppError && error.type === "not_found") notFound();
    throw error;
  });
  const [{ categories }, comments, hero, translations, translator] = await Promise.all([
    listStudioFilterOptions(),
    listReviewThread({ articleId: article.id }),
    article.canEdit ? getArticleHeroImage({ articleId: article.id }) : Promise.resolve(null),
    getTranslationPanel({ articleId: article.id }),
    // Null unless this item is a translation: then its source's words go beside the editor.
    getTranslatorView({ articleId: article.id }),
  ]);
  const heroEditable = article.canEdit && EDITABLE_STATES.includes(article.edition.state);
  // A new editor only when a workflow step locks or unlocks the words. The editor's own first save
  // into a published item starts a new draft edition and refreshes this page: that keeps the editor
  // (and the caret, and what was typed since) while the badge and the workflow steps catch up.
  const editorSession = `${article.id}:${editLockReason(article.edition.state) ? article.edition.state : "open"}`;
  return (
    <>
      <div className="toolbar-row">
        <h1 tabIndex={-1}>Edit news item</h1>
        <StateBadge state={article.edition.state} live />
        {translator?.outOfDate && <OutOfDateBadge since={translator.outOfDate.since} />}
      </div>
      <nav aria-label="This item" className="item-links">
        <Link href={`/studio/articles/${article.id}/preview`}>Preview</Link>
        <Link href={`/studio/articles/${article.id}/history`}>History and changes</Link>
        {article.status !== "draft" && <Link href={`/news/${article.slug}`}>Public page</Link>}
        {article.status !== "draft" && can(user, "subscribers:view") && (
          <Link href={`/studio/articles/${article.id}/delivery`}>Subscribers</Link>
        )}
      </nav>
      <PresenceStatus kind="article" id={article.id} />
      <div className="editor-page">
        <ArticleEditor
          key={editorSession}
          article={article}
          categories={categories}
          save={saveArticleAction}
          source={translator && <SourceColumn articleId={article.id} view={translator} confirmCurrent={confirmTranslationCurrentAction} />}
          workflow={
            <aside id={workflowColumnId(article.id)} className="editor-aside" aria-label="Workflow and review">
              <ArticleWorkflow
                article={article}
                actions={{
                  transition: transitionAction,
                  withdraw: withdrawAction,
                  restore: restoreWithdrawnAction,
                  confirmReview: confirmReviewAction,
                }}
              />
              <ReviewThread articleId={article.id} comments={comments} canComment={article.workflow.canComment} action={commentAction} />
            </aside>
          }
        />
        {/* Secondary to the words and the workflow: after both, under the words on wide screens. */}
        <div className="editor-extras">
          <TranslationsPanel panel={translations} addVersion={createTranslationAction} />
          {article.canEdit && (
            <HeroImageField
              articleId={article.id}
              initial={hero && { mediaId: hero.id, src: hero.src, alt: hero.alt, width: hero.width, height: hero.height }}
              disabled={!heroEditable}
              saveHero={setArticleHeroImageAction}
            />
          )}
          <ArticleListPreview articleId={article.id} />
        </div>
      </div>
    </>
  );
}

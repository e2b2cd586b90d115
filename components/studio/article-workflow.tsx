"use client";

import { editLockReason } from "@/lib/workflow";
import type { EditableArticle } from "@/server/articles/studio-dto";
import { StepForm, WorkflowSteps, type StepAction } from "./workflow-steps";

type Actions = { transition: StepAction; withdraw: StepAction; restore: StepAction; confirmReview: StepAction };

/**
 * A news item's workflow: the shared steps (WorkflowSteps) with the item's
 * facts, plus what only published news has — confirm a review after an
 * unreviewed publication, withdraw, restore.
 */
export function ArticleWorkflow({ article, actions }: { article: EditableArticle; actions: Actions }) {
  const { workflow } = article;
  const extra = { idField: "articleId", itemId: article.id };
  return (
    <WorkflowSteps
      kind="article"
      itemId={article.id}
      version={article.version}
      transitions={article.transitions}
      action={actions.transition}
      hasOtherSteps={workflow.canWithdraw}
      facts={{
        state: article.edition.state,
        scheduledFor: workflow.scheduledFor,
        scheduleError: workflow.scheduleError,
        liveSince: article.status === "published" ? workflow.liveSince : null,
        releasedByScheduler: workflow.releasedByScheduler,
        publishedWithoutReview: workflow.publishedWithoutReview,
        forcePublishReason: workflow.forcePublishReason,
        withdrawalNote: article.status === "withdrawn" ? (workflow.withdrawalNote ?? "") : null,
        lockReason: editLockReason(article.edition.state),
        change: workflow.needsChangeType ? { changeType: workflow.changeType, changeNote: workflow.changeNote } : null,
        suggestedScheduleAt: workflow.suggestedScheduleAt,
      }}
    >
      {workflow.canConfirmReview && (
        <StepForm
          {...extra}
          action={actions.confirmReview}
          buttons={[{ label: "Confirm I reviewed the published edition", tone: "secondary" }]}
          messageId="confirm-review-message"
        />
      )}
      {workflow.canWithdraw && article.status === "published" && (
        <details>
          <summary>Withdraw from the public site</summary>
          <StepForm {...extra} action={actions.withdraw} buttons={[{ label: "Withdraw", tone: "danger" }]} messageId="withdraw-message">
            <label htmlFor={`item-${article.id}-withdraw-explanation`}>Public explanation (shown on the page)</label>
            <textarea id={`item-${article.id}-withdraw-explanation`} name="explanation" required minLength={10} maxLength={1000} />
          </StepForm>
        </details>
      )}
      {workflow.canWithdraw && article.status === "withdrawn" && (
        <StepForm
          {...extra}
          action={actions.restore}
          buttons={[{ label: "Restore to the public site", tone: "primary" }]}
          messageId="restore-message"
        />
      )}
    </WorkflowSteps>
  );
}

"use client";

import { useActionState } from "react";
import { editorId } from "@/components/editor/editor-ids";
import { formatTokyoDateTime } from "@/lib/dates";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/errors";
import type { ReviewComment } from "@/server/workflow/reviews";

const KIND_LABEL = { comment: "Comment", changes_requested: "Changes requested", approved: "Approved" } as const;

export function ReviewThread({
  articleId,
  comments,
  canComment,
  action,
}: {
  articleId: number;
  comments: ReviewComment[];
  canComment: boolean;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, INITIAL_FORM_STATE);
  return (
    <section className="review-thread" aria-labelledby={editorId(articleId, "review-heading")}>
      <h2 id={editorId(articleId, "review-heading")}>Review</h2>
      {comments.length === 0 ? (
        <p>No review comments yet.</p>
      ) : (
        <ol>
          {comments.map((c) => (
            <li key={c.id} className={`comment comment-${c.kind}`}>
              <p className="comment-meta">
                <strong>{KIND_LABEL[c.kind]}</strong> by {c.author}, {formatTokyoDateTime(c.at)}
                {c.edition ? ` (edition ${c.edition})` : ""}
              </p>
              {c.body && <p>{c.body}</p>}
            </li>
          ))}
        </ol>
      )}
      {canComment && (
        <form action={formAction} className="workflow-step">
          <input type="hidden" name="articleId" value={articleId} />
          <label htmlFor={editorId(articleId, "comment-body")}>Add a comment</label>
          <textarea id={editorId(articleId, "comment-body")} name="body" required maxLength={5000} />
          <button type="submit" className="button small" disabled={pending}>
            Post comment
          </button>
          {state.message && (
            <p role={state.ok ? "status" : "alert"} className={state.ok ? undefined : "field-error"}>
              {state.message}
            </p>
          )}
        </form>
      )}
    </section>
  );
}

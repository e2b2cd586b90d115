"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formDataToObject } from "@/lib/form-data";
import { expirePublicTags } from "@/server/cache-invalidation";
import { addReviewComment, confirmReviewAfterPublication } from "@/server/workflow/reviews";
import { transitionStep } from "../_lib/transition-step";
import { restoreWithdrawnArticle, withdrawArticle } from "@/server/workflow/withdrawal";
import { AppError, toActionError, type ActionResult, type FormState } from "@/lib/errors";
import { createArticle, saveArticleDraft } from "@/server/articles/drafts";
import type { SaveResult } from "@/server/articles/studio-dto";

/** A form action (works without JavaScript): opens the new item, or shows why it could not be made. */
export async function createArticleAction(): Promise<void> {
  let id: number;
  try {
    ({ id } = await createArticle());
  } catch (error) {
    redirect(`/studio/articles?error=${encodeURIComponent(AppError.from(error).message)}`);
  }
  redirect(`/studio/articles/${id}`);
}

/** Autosave target. The whole payload is validated (strictly) inside server/. */
export async function saveArticleAction(input: unknown): Promise<ActionResult<SaveResult>> {
  try {
    return { ok: true, data: await saveArticleDraft(input) };
  } catch (error) {
    return { ok: false, error: toActionError(error) };
  }
}

export type WorkflowFormState = { ok: boolean; message: string | null; status?: number; fields?: Record<string, string> };

async function workflowStep(articleId: string | undefined, run: () => Promise<{ expireTags?: string[] } | void>, done: string): Promise<WorkflowFormState> {
  try {
    const result = await run();
    if (result?.expireTags?.length) expirePublicTags(result.expireTags);
    if (articleId) revalidatePath(`/studio/articles/${articleId}`);
    return { ok: true, message: done };
  } catch (error) {
    const e = toActionError(error);
    return { ok: false, message: e.message, status: e.status, fields: e.details?.fields as Record<string, string> | undefined };
  }
}

/** Every workflow button posts here with `transition` naming the step; server/ decides if it is allowed. */
export async function transitionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return transitionStep("article", formData);
}

export async function withdrawAction(_prev: WorkflowFormState, formData: FormData): Promise<WorkflowFormState> {
  const input = formDataToObject(formData);
  return workflowStep(input.articleId, () => withdrawArticle(input), "Withdrawn. The page now shows the notice.");
}

export async function restoreWithdrawnAction(_prev: WorkflowFormState, formData: FormData): Promise<WorkflowFormState> {
  const input = formDataToObject(formData);
  return workflowStep(input.articleId, () => restoreWithdrawnArticle(input), "Restored to the public site.");
}

export async function commentAction(_prev: WorkflowFormState, formData: FormData): Promise<WorkflowFormState> {
  const input = formDataToObject(formData);
  return workflowStep(input.articleId, () => addReviewComment(input), "Comment added.");
}

export async function confirmReviewAction(_prev: WorkflowFormState, formData: FormData): Promise<WorkflowFormState> {
  const input = formDataToObject(formData);
  return workflowStep(input.articleId, () => confirmReviewAfterPublication(input), "Review recorded.");
}

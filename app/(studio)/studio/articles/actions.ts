"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formDataToObject } from "@/lib/form-data";
import { addReviewComment, confirmReviewAfterPublication } from "@/server/workflow/reviews";
import { transitionStep } from "../_lib/transition-step";
import { restoreWithdrawnArticle, withdrawArticle } from "@/server/workflow/withdrawal";
import { AppError, formSuccess, toFormState, type FormState } from "@/lib/errors";
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
export async function saveArticleAction(input: unknown): Promise<FormState<SaveResult>> {
  try {
    return formSuccess(null, await saveArticleDraft(input));
  } catch (error) {
    return toFormState(error);
  }
}

/** Every workflow button posts here with `transition` naming the step; server/ decides if it is allowed. */
export async function transitionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return transitionStep("article", formData);
}

/**
 * Withdrawal and review steps: their commands (server/) authenticate, authorize,
 * audit and expire the public pages; this only revalidates the studio page and
 * answers with the one FormState.
 */
async function articleCommand(articleId: string | undefined, run: () => Promise<unknown>, done: string): Promise<FormState> {
  try {
    await run();
    if (articleId) revalidatePath(`/studio/articles/${articleId}`);
    return formSuccess(done);
  } catch (error) {
    return toFormState(error);
  }
}

export async function withdrawAction(_prev: unknown, formData: FormData): Promise<FormState> {
  const input = formDataToObject(formData);
  return articleCommand(input.articleId, () => withdrawArticle(input), "Withdrawn. The page now shows the notice.");
}

export async function restoreWithdrawnAction(_prev: unknown, formData: FormData): Promise<FormState> {
  const input = formDataToObject(formData);
  return articleCommand(input.articleId, () => restoreWithdrawnArticle(input), "Restored to the public site.");
}

export async function commentAction(_prev: unknown, formData: FormData): Promise<FormState> {
  const input = formDataToObject(formData);
  return articleCommand(input.articleId, () => addReviewComment(input), "Comment added.");
}

export async function confirmReviewAction(_prev: unknown, formData: FormData): Promise<FormState> {
  const input = formDataToObject(formData);
  return articleCommand(input.articleId, () => confirmReviewAfterPublication(input), "Review recorded.");
}

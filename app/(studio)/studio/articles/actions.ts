"use server";

import { redirect } from "next/navigation";
import { toActionError, type ActionResult } from "@/lib/errors";
import { createArticle, saveArticleDraft } from "@/server/articles/drafts";
import type { SaveResult } from "@/server/articles/studio-dto";

/** A form action (works without JavaScript): opens the new item, or shows why it could not be made. */
export async function createArticleAction(): Promise<void> {
  let id: number;
  try {
    ({ id } = await createArticle());
  } catch (error) {
    redirect(`/studio/articles?error=${encodeURIComponent(toActionError(error).message)}`);
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

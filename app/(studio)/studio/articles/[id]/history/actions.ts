"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { AppError, toFormState, type FormState } from "@/lib/errors";
import { formDataToObject } from "@/lib/form-data";
import { restoreRevision } from "@/server/workflow/revisions";

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const restoreForm = z
  .object({
    articleId: id,
    revisionId: id,
    confirm: z.literal("yes", { error: "Tick “I understand this replaces the current draft” to restore this revision." }),
  })
  .strict();

/** Restore, after the explicit confirmation (a form concern, checked here); the permission and state checks are in server/. */
export async function restoreRevisionAction(_prev: unknown, formData: FormData): Promise<FormState> {
  const parsed = restoreForm.safeParse(formDataToObject(formData));
  if (!parsed.success) {
    const confirmIssue = parsed.error.issues.find((i) => i.path[0] === "confirm");
    return toFormState(
      new AppError(
        "bad_request:article",
        confirmIssue?.message ?? "This form was not filled in as expected. Reload the page and try again.",
      ),
    );
  }
  const { articleId, revisionId } = parsed.data;
  let version: number;
  try {
    ({ version } = await restoreRevision({ articleId, revisionId }));
  } catch (error) {
    return toFormState(error);
  }
  revalidatePath(`/studio/articles/${articleId}`);
  redirect(`/studio/articles/${articleId}/history?restored=${version}`);
}

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formDataToObject } from "@/lib/form-data";
import { formSuccess, toFormState, type FormState } from "@/lib/errors";
import { confirmTranslationCurrent, createTranslation } from "@/server/articles/translations";

/**
 * "Add Japanese version": the command (server/) checks the source, the language and the right to
 * create; this opens the new item's editor, or answers with why it could not be made.
 */
export async function createTranslationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  let id: number;
  try {
    ({ id } = await createTranslation(formDataToObject(formData)));
  } catch (error) {
    return toFormState(error);
  }
  redirect(`/studio/articles/${id}`);
}

/** "Confirm no change needed" on an out-of-date translation; server/ checks the right to review. */
export async function confirmTranslationCurrentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = formDataToObject(formData);
  try {
    await confirmTranslationCurrent(input);
  } catch (error) {
    return toFormState(error);
  }
  revalidatePath(`/studio/articles/${Number(input.id)}`);
  return formSuccess("Confirmed: the translation is up to date with its source.");
}

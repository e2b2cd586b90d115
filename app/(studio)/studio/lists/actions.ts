"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formDataToObject } from "@/lib/form-data";
import { formSuccess, toFormState, type FormState } from "@/lib/errors";
import { transitionStep } from "../_lib/transition-step";
import { createRecommendationList, saveRecommendationListDraft } from "@/server/lists/lists";

/** New list form: validated and authorized in server/, then opens the editor. */
export async function createListAction(_prev: FormState, formData: FormData): Promise<FormState> {
  let id: number;
  try {
    ({ id } = await createRecommendationList(formDataToObject(formData)));
  } catch (error) {
    return toFormState(error);
  }
  redirect(`/studio/lists/${id}`);
}

/** The editor's save button: the whole draft, checked strictly in server/. */
export async function saveListAction(input: unknown): Promise<FormState<{ version: number; editionNumber: number }>> {
  try {
    const data = await saveRecommendationListDraft(input);
    const listId = (input as { listId?: unknown } | null)?.listId;
    revalidatePath(`/studio/lists/${Number(listId)}`);
    return formSuccess(null, data);
  } catch (error) {
    return toFormState(error);
  }
}

/** Every list workflow button posts here with `transition`; server/ decides if it is allowed. */
export async function listTransitionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return transitionStep("list", formData);
}

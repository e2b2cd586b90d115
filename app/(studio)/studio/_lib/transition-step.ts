import { revalidatePath } from "next/cache";
import { formDataToObject } from "@/lib/form-data";
import { formSuccess, toFormState, type FormState } from "@/lib/errors";
import { applyTransition } from "@/server/editorial/transitions";

const EDIT_PAGE = {
  article: (input: Record<string, string>) => `/studio/articles/${Number(input.articleId)}`,
  list: (input: Record<string, string>) => `/studio/lists/${Number(input.listId)}`,
};

/**
 * What every workflow button's action does, for any content type: hand the
 * form to the one engine (which authenticates, validates, authorizes, and
 * expires what went public), then refresh the edit page.
 */
export async function transitionStep(kind: keyof typeof EDIT_PAGE, formData: FormData): Promise<FormState> {
  const input = formDataToObject(formData);
  try {
    await applyTransition(kind, input);
  } catch (error) {
    return toFormState(error);
  }
  revalidatePath(EDIT_PAGE[kind](input));
  return formSuccess("Done.");
}

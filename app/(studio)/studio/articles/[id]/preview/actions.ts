"use server";

import { revalidatePath } from "next/cache";
import { env } from "@/lib/env";
import { formSuccess, toFormState, type FormState } from "@/lib/errors";
import { formDataToObject } from "@/lib/form-data";
import { createPreviewLink, revokePreviewLink } from "@/server/workflow/preview-links";

export type NewPreviewLink = { url: string; expiresAt: string };

/** The token is in the returned state only: shown once on this page, never stored in clear or put in a redirect URL. */
export async function createPreviewLinkAction(_prev: unknown, formData: FormData): Promise<FormState<NewPreviewLink>> {
  const input = formDataToObject(formData);
  try {
    const link = await createPreviewLink(input);
    revalidatePath(`/studio/articles/${input.articleId}/preview`);
    return formSuccess(null, { url: new URL(link.path, env().SITE_URL).href, expiresAt: link.expiresAt });
  } catch (error) {
    return toFormState(error);
  }
}

export async function revokePreviewLinkAction(_prev: unknown, formData: FormData): Promise<FormState> {
  const input = formDataToObject(formData);
  try {
    await revokePreviewLink(input);
    revalidatePath(`/studio/articles/${input.articleId}/preview`);
    return formSuccess(null);
  } catch (error) {
    return toFormState(error);
  }
}

"use server";

import { revalidatePath } from "next/cache";
import { env } from "@/lib/env";
import { toActionError } from "@/lib/errors";
import { formDataToObject } from "@/lib/form-data";
import type { CreatePreviewLinkFormState as CreatePreviewLinkState } from "@/components/studio/create-preview-link-form";
import type { RevokePreviewLinkFormState as RevokePreviewLinkState } from "@/components/studio/revoke-preview-link-form";
import { createPreviewLink, revokePreviewLink } from "@/server/workflow/preview-links";

/** The token is in the returned state only: shown once on this page, never stored in clear or put in a redirect URL. */
export async function createPreviewLinkAction(_prev: CreatePreviewLinkState, formData: FormData): Promise<CreatePreviewLinkState> {
  const input = formDataToObject(formData);
  try {
    const link = await createPreviewLink(input);
    revalidatePath(`/studio/articles/${input.articleId}/preview`);
    return { ok: true, url: new URL(link.path, env().SITE_URL).href, expiresAt: link.expiresAt, message: null };
  } catch (error) {
    const e = toActionError(error);
    return { ok: false, url: null, expiresAt: null, message: e.message, status: e.status };
  }
}

export async function revokePreviewLinkAction(_prev: RevokePreviewLinkState, formData: FormData): Promise<RevokePreviewLinkState> {
  const input = formDataToObject(formData);
  try {
    await revokePreviewLink(input);
    revalidatePath(`/studio/articles/${input.articleId}/preview`);
    return { message: null };
  } catch (error) {
    const e = toActionError(error);
    return { message: e.message, status: e.status };
  }
}

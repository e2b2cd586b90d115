"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { AppError, formSuccess, toFormState, type FormState } from "@/lib/errors";
import { setArticleHeroImage } from "@/server/media/hero";
import { deleteMedia, updateMediaDescription } from "@/server/media/library";
import { parseMediaId } from "@/server/media/media-id";

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

const BAD_REFERENCE = () =>
  toFormState(new AppError("bad_request:media", "This form does not name a valid image. Reload the image's page and try again."));

/** Saved with the version it was loaded at; the new version comes back so the next save carries it. */
export async function updateMediaDescriptionAction(_prev: unknown, formData: FormData): Promise<FormState<{ version: number }>> {
  const id = parseMediaId(formData.get("id"));
  const version = parseMediaId(formData.get("version"));
  if (id === null || version === null) return BAD_REFERENCE();
  // The words are checked (strictly, with lengths) in server/, which also expires the public pages showing the image.
  const input = {
    id,
    version,
    altText: text(formData, "altText"),
    decorative: formData.get("decorative") === "on",
    caption: text(formData, "caption"),
    credit: text(formData, "credit"),
  };
  try {
    const { media } = await updateMediaDescription(input);
    revalidatePath("/studio/media");
    const message = media.usable
      ? "Description saved. The image can be used in articles."
      : "Saved. Add alt text or mark it decorative before using it.";
    return formSuccess(message, { version: media.version });
  } catch (error) {
    return toFormState(error);
  }
}

export async function deleteMediaAction(_prev: unknown, formData: FormData): Promise<FormState> {
  const id = parseMediaId(formData.get("id"));
  if (id === null) return BAD_REFERENCE();
  try {
    await deleteMedia({ id });
  } catch (error) {
    return toFormState(error);
  }
  revalidatePath("/studio/media");
  redirect("/studio/media?deleted=1");
}

export type HeroImage = { mediaId: number; src: string; alt: string; width: number; height: number };

/** For the editor's hero image field: set (or clear with null) the lead photo of the item's working edition. */
export async function setArticleHeroImageAction(articleId: number, mediaId: number | null): Promise<FormState<HeroImage | null>> {
  try {
    const media = await setArticleHeroImage({ articleId, mediaId });
    revalidatePath(`/studio/articles/${articleId}`);
    return formSuccess(null, media && { mediaId: media.id, src: media.src, alt: media.alt, width: media.width, height: media.height });
  } catch (error) {
    return toFormState(error);
  }
}

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { AppError, toActionError, type ActionResult } from "@/lib/errors";
import { expirePublicTags } from "@/server/cache-invalidation";
import { setArticleHeroImage } from "@/server/media/hero";
import { deleteMedia, updateMediaDescription } from "@/server/media/library";
import { parseMediaId } from "@/server/media/media-id";

export type MediaActionState = ActionResult<{ message: string; version: number }> | null;

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

const BAD_REFERENCE = () => ({ ok: false as const, error: toActionError(new AppError("bad_request:media", "This form does not name a valid image. Reload the image's page and try again.")) });

export async function updateMediaDescriptionAction(_prev: MediaActionState, formData: FormData): Promise<MediaActionState> {
  const id = parseMediaId(formData.get("id"));
  const version = parseMediaId(formData.get("version"));
  if (id === null || version === null) return BAD_REFERENCE();
  // The words are checked (strictly, with lengths) in server/.
  const input = { id, version, altText: text(formData, "altText"), decorative: formData.get("decorative") === "on", caption: text(formData, "caption"), credit: text(formData, "credit") };
  try {
    const { media, expireTags } = await updateMediaDescription(input);
    expirePublicTags(expireTags);
    revalidatePath("/studio/media");
    return { ok: true, data: { message: media.usable ? "Description saved. The image can be used in articles." : "Saved. Add alt text or mark it decorative before using it.", version: media.version } };
  } catch (error) {
    return { ok: false, error: toActionError(error) };
  }
}

export async function deleteMediaAction(_prev: MediaActionState, formData: FormData): Promise<MediaActionState> {
  const id = parseMediaId(formData.get("id"));
  if (id === null) return BAD_REFERENCE();
  try {
    await deleteMedia({ id });
  } catch (error) {
    return { ok: false, error: toActionError(error) };
  }
  revalidatePath("/studio/media");
  redirect("/studio/media?deleted=1");
}

export type HeroActionResult = ActionResult<{ mediaId: number; src: string; alt: string; width: number; height: number } | null>;

/** For the editor's hero image field: set (or clear with null) the lead photo of the item's working edition. */
export async function setArticleHeroImageAction(articleId: number, mediaId: number | null): Promise<HeroActionResult> {
  try {
    const media = await setArticleHeroImage({ articleId, mediaId });
    revalidatePath(`/studio/articles/${articleId}`);
    return { ok: true, data: media && { mediaId: media.id, src: media.src, alt: media.alt, width: media.width, height: media.height } };
  } catch (error) {
    return { ok: false, error: toActionError(error) };
  }
}

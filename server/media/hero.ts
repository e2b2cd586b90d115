import "server-only";
import type { AuditAction } from "@/lib/audit-actions";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { articleEditions, mediaAssets } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { canEditArticle } from "@/lib/permissions";
import { EDITABLE_STATES, STATE_LABELS } from "@/lib/workflow";
import { getLatestEdition, loadArticle } from "../articles/editions";
import { denyAccess, requireCapability } from "../auth/current-user";
import { defineCommand } from "../command";
import { getDatabase } from "../db";
import { isUsable, toMediaDto, type MediaDto } from "./dto";

const heroSchema = z.object({ articleId: z.number().int().positive(), mediaId: z.number().int().positive().nullable() }).strict();

async function editableEdition(articleId: number, action: AuditAction) {
  const user = await requireCapability("article:edit-own", "article", action);
  const db = await getDatabase();
  const article = await loadArticle(db, articleId);
  if (!canEditArticle(user, article)) {
    await denyAccess(user, "article", action, "Writers can only edit their own items.", { type: "article", id: articleId });
  }
  const edition = await getLatestEdition(db, articleId);
  if (!edition) throw new AppError("not_found:article", "This item has no edition to edit.");
  return { user, db, edition };
}

/** The hero of the item's working edition, for the editor. */
export async function getArticleHeroImage({ articleId }: { articleId: number }): Promise<MediaDto | null> {
  const { db, edition } = await editableEdition(articleId, "article.read");
  if (!edition.heroMediaId) return null;
  const [row] = await db.select().from(mediaAssets).where(eq(mediaAssets.id, edition.heroMediaId)).limit(1);
  return row ? toMediaDto(row) : null;
}

/**
 * Sets (or clears, with null) the lead photo of the item's working edition.
 * Authorized like saving the item; an image without alt text is refused unless marked decorative.
 */
export const setArticleHeroImage = defineCommand({
  action: "article.hero",
  surface: "article",
  capability: "article:edit-own",
  input: heroSchema,
  authorize: async ({ user, input, db, deny }) => {
    const article = await loadArticle(db, input.articleId);
    if (!canEditArticle(user, article)) await deny("Writers can only edit their own items.");
    const edition = await getLatestEdition(db, input.articleId);
    if (!edition) throw new AppError("not_found:article", "This item has no edition to edit.");
    if (!EDITABLE_STATES.includes(edition.state)) {
      throw new AppError(
        "conflict:article",
        `This version is ${STATE_LABELS[edition.state].toLowerCase()}; save a change to start a new draft before changing its hero image.`,
      );
    }
    return edition;
  },
  target: (input) => ({ type: "article", id: input.articleId }),
  run: async ({ user, input: { mediaId }, resource: edition, tx, now, note }): Promise<MediaDto | null> => {
    let media: MediaDto | null = null;
    if (mediaId !== null) {
      const [row] = await tx.select().from(mediaAssets).where(eq(mediaAssets.id, mediaId)).limit(1);
      if (!row) throw new AppError("not_found:media", "This image is no longer in the library.");
      if (!isUsable(row))
        throw new AppError(
          "bad_request:media",
          "Describe this image (alt text) or mark it decorative in the media library before using it.",
        );
      media = toMediaDto(row);
    }
    await tx
      .update(articleEditions)
      .set({ heroMediaId: mediaId, lastEditedById: user.id, updatedAt: now })
      .where(eq(articleEditions.id, edition.id));
    note({ mediaId, edition: edition.number });
    return media;
  },
});

export { getPublicHeroImage, listPublicHeroImages } from "../public/hero";

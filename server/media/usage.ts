import "server-only";
import { and, eq, ne, or, sql } from "drizzle-orm";
import { articleEditions, articles, type EditionState } from "@/db/schema";
import { can, type Actor } from "@/lib/permissions";
import { STATE_LABELS } from "@/lib/workflow";
import type { getDatabase } from "../db";

type Reader = Pick<Awaited<ReturnType<typeof getDatabase>>, "select">;

export type MediaUsage = {
  articleId: number;
  title: string;
  editionNumber: number;
  state: string;
  as: "hero" | "body";
  publishedSlug: string | null;
};

/**
 * Editions whose words readers see, will see without another review, or a
 * reviewer is reading: an image they use is part of what was (or is being) approved.
 */
const LOCKING_STATES: readonly EditionState[] = ["submitted", "approved", "scheduled", "published"];

/** Every current edition using the image: as its hero, or in its body (by the image's URL). Superseded editions no longer count. */
export async function findUsage(db: Reader, row: { id: number; storageKey: string }): Promise<(MediaUsage & { locks: boolean })[]> {
  const found = await db
    .select({
      articleId: articleEditions.articleId,
      title: articleEditions.title,
      editionNumber: articleEditions.number,
      state: articleEditions.state,
      hero: sql<number>`${articleEditions.heroMediaId} = ${row.id}`,
      slug: articles.slug,
    })
    .from(articleEditions)
    .innerJoin(articles, eq(articles.id, articleEditions.articleId))
    .where(
      and(
        ne(articleEditions.state, "superseded"),
        or(eq(articleEditions.heroMediaId, row.id), sql`instr(${articleEditions.body}, ${`/media/${row.storageKey}/`}) > 0`),
      ),
    )
    .orderBy(articleEditions.articleId, articleEditions.number);
  return found.map((f) => ({
    articleId: f.articleId,
    title: f.title,
    editionNumber: f.editionNumber,
    state: STATE_LABELS[f.state],
    as: f.hero ? "hero" : "body",
    publishedSlug: f.state === "published" ? f.slug : null,
    locks: LOCKING_STATES.includes(f.state),
  }));
}

export type DescriptionRights = { canEdit: boolean; reason: string | null };

/**
 * Who may change what readers see of an image. While no released or
 * in-review item uses it: its uploader, or an editor and up. Once one does,
 * its alt text, caption and credit are approved words: only a publisher or an admin.
 */
export function descriptionRights(
  user: Actor,
  row: { uploadedById: number | null },
  usage: { title: string; locks: boolean }[],
): DescriptionRights {
  const locking = usage.filter((u) => u.locks);
  if (locking.length > 0) {
    if (can(user, "article:publish")) return { canEdit: true, reason: null };
    const titles = [...new Set(locking.map((u) => `“${u.title}”`))].join(", ");
    return {
      canEdit: false,
      reason: `This image is used by ${titles}, which is published, scheduled, approved or in review, so readers see (or a reviewer has read) its description. Only a publisher or an administrator can change it; ask one, or use a different image.`,
    };
  }
  if (can(user, "article:edit-any") || row.uploadedById === user.id) return { canEdit: true, reason: null };
  return { canEdit: false, reason: "Only the person who uploaded it or an editor can change this image's description." };
}

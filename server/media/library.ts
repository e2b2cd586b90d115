import "server-only";
import { and, desc, eq, gte, lt, ne, or, sql } from "drizzle-orm";
import { z } from "zod";
import { articleEditions, articles, mediaAssets } from "@/db/schema";
import { isIsoDate } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { STATE_LABELS } from "@/lib/workflow";
import { recordAudit } from "../audit";
import { denyAccess, requireCapability } from "../auth/current-user";
import { publicTagsForArticle, recordTagExpirations } from "../cache-invalidation";
import { getDatabase } from "../db";
import { toMediaDto, type MediaDto } from "./dto";
import { removeAssetFiles } from "./storage";

type Reader = Pick<Awaited<ReturnType<typeof getDatabase>>, "select">;

export type MediaUsage = { articleId: number; title: string; editionNumber: number; state: string; as: "hero" | "body"; publishedSlug: string | null };

const listSchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    from: z.string().refine(isIsoDate, "Use a date like 2026-11-23").optional(),
    to: z.string().refine(isIsoDate, "Use a date like 2026-11-23").optional(),
    usableOnly: z.boolean().optional(),
  })
  .strict();

/** The library, newest first: searched by alt text, caption, credit or file name; filtered by upload day (Tokyo). */
export async function listMedia(input: unknown = {}): Promise<MediaDto[]> {
  await requireCapability("studio:use", "media", "media.list");
  const parsed = listSchema.safeParse(input);
  if (!parsed.success) throw new AppError("bad_request:media", parsed.error.issues[0]!.message);
  const { q, from, to, usableOnly } = parsed.data;
  const db = await getDatabase();
  const conditions = [];
  if (q) {
    // instr() rather than LIKE: no wildcard characters to escape in what people type.
    const needle = q.toLowerCase();
    conditions.push(
      or(
        sql`instr(lower(${mediaAssets.altText}), ${needle}) > 0`,
        sql`instr(lower(${mediaAssets.caption}), ${needle}) > 0`,
        sql`instr(lower(${mediaAssets.credit}), ${needle}) > 0`,
        sql`instr(lower(${mediaAssets.originalName}), ${needle}) > 0`,
      ),
    );
  }
  if (from) conditions.push(gte(mediaAssets.createdAt, new Date(`${from}T00:00:00+09:00`)));
  if (to) conditions.push(lt(mediaAssets.createdAt, new Date(new Date(`${to}T00:00:00+09:00`).getTime() + 86_400_000)));
  if (usableOnly) conditions.push(or(eq(mediaAssets.decorative, true), ne(sql`trim(${mediaAssets.altText})`, "")));
  const rows = await db.select().from(mediaAssets).where(and(...conditions)).orderBy(desc(mediaAssets.createdAt), desc(mediaAssets.id)).limit(200);
  return rows.map(toMediaDto);
}

export async function getMediaById({ id }: { id: number }): Promise<MediaDto> {
  await requireCapability("studio:use", "media", "media.read");
  const row = await loadRow(await getDatabase(), id);
  return toMediaDto(row);
}

async function loadRow(db: Reader, id: number) {
  if (!Number.isSafeInteger(id) || id <= 0) throw new AppError("not_found:media", "This image no longer exists.");
  const [row] = await db.select().from(mediaAssets).where(eq(mediaAssets.id, id)).limit(1);
  if (!row) throw new AppError("not_found:media", "This image no longer exists.");
  return row;
}

/** Every current edition using the image: as its hero, or in its body (by the image's URL). Superseded editions no longer count. */
async function findUsage(db: Reader, row: { id: number; storageKey: string }): Promise<MediaUsage[]> {
  const found = await db
    .select({
      articleId: articleEditions.articleId,
      title: articleEditions.title,
      editionNumber: articleEditions.number,
      state: articleEditions.state,
      hero: sql<number>`${articleEditions.heroMediaId} = ${row.id}`,
      slug: articles.slug,
      status: articles.status,
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
  }));
}

export async function getMediaUsage({ id }: { id: number }): Promise<MediaUsage[]> {
  await requireCapability("studio:use", "media", "media.read");
  const db = await getDatabase();
  return findUsage(db, await loadRow(db, id));
}

const describeSchema = z
  .object({
    id: z.number().int().positive(),
    version: z.number().int().positive(),
    altText: z.string().trim().max(500, "Keep alt text under 500 characters; put the rest in the caption"),
    decorative: z.boolean(),
    caption: z.string().trim().max(1000),
    credit: z.string().trim().max(200),
  })
  .strict();

/**
 * Alt text, decorative mark, caption and credit. Optimistic concurrency on
 * `version`; public pages showing the image as a hero are expired (returned).
 */
export async function updateMediaDescription(input: unknown): Promise<{ media: MediaDto; expireTags: string[] }> {
  const user = await requireCapability("media:upload", "media", "media.describe");
  const parsed = describeSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError("bad_request:media", issue.message, { fields: { [String(issue.path[0])]: issue.message } });
  }
  const d = parsed.data;
  const db = await getDatabase();
  return db.transaction(async (tx) => {
    const row = await loadRow(tx, d.id);
    const [updated] = await tx
      .update(mediaAssets)
      .set({ altText: d.decorative ? "" : d.altText, decorative: d.decorative, caption: d.caption, credit: d.credit, version: row.version + 1, updatedAt: new Date() })
      .where(and(eq(mediaAssets.id, d.id), eq(mediaAssets.version, d.version)))
      .returning();
    if (!updated) throw new AppError("conflict:media", "Someone changed this description after you opened it. Reload to see their words, then edit again.", { currentVersion: row.version });
    await recordAudit(tx, { actor: user, action: "media.describe", outcome: "ok", targetType: "media", targetId: d.id, details: { decorative: d.decorative } });
    const usage = await findUsage(tx, row);
    const expireTags = usage.flatMap((u) => (u.publishedSlug ? publicTagsForArticle(u.publishedSlug) : []));
    await recordTagExpirations(tx, expireTags);
    return { media: toMediaDto(updated), expireTags };
  });
}

/** Removes an unused image: its row, then its files. Writers may delete their own uploads; editors and up, any. */
export async function deleteMedia({ id }: { id: number }): Promise<void> {
  const user = await requireCapability("media:upload", "media", "media.delete");
  const db = await getDatabase();
  const row = await loadRow(db, id);
  if (!can(user, "article:edit-any") && row.uploadedById !== user.id) {
    await denyAccess(user, "media", "media.delete", "Writers can only delete images they uploaded.", { type: "media", id });
  }
  await db.transaction(async (tx) => {
    const usage = await findUsage(tx, row);
    if (usage.length > 0) {
      const list = usage.map((u) => `“${u.title}” (${u.as === "hero" ? "hero image" : "in the text"}, ${u.state.toLowerCase()})`).join("; ");
      throw new AppError("conflict:media", `This image is still used by: ${list}. Remove it from those items first.`, { usage });
    }
    await tx.delete(mediaAssets).where(eq(mediaAssets.id, id));
    await recordAudit(tx, { actor: user, action: "media.delete", outcome: "ok", targetType: "media", targetId: id, details: { name: row.originalName } });
  });
  await removeAssetFiles(row.storageKey);
}

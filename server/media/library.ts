import "server-only";
import { and, desc, eq, gte, lt, ne, or, sql } from "drizzle-orm";
import { z } from "zod";
import { mediaAssets } from "@/db/schema";
import { isIsoDate } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { requireCapability } from "../auth/current-user";
import { publicTagsForArticle } from "../cache-invalidation";
import { defineCommand } from "../command";
import { getDatabase } from "../db";
import { toMediaDto, type MediaDto } from "./dto";
import { removeAssetFiles } from "./storage";
import { descriptionRights, findUsage, type DescriptionRights, type MediaUsage } from "./usage";

type Reader = Pick<Awaited<ReturnType<typeof getDatabase>>, "select">;

export type { DescriptionRights, MediaUsage };

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
  const rows = await db
    .select()
    .from(mediaAssets)
    .where(and(...conditions))
    .orderBy(desc(mediaAssets.createdAt), desc(mediaAssets.id))
    .limit(200);
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

export async function getMediaUsage({ id }: { id: number }): Promise<MediaUsage[]> {
  await requireCapability("studio:use", "media", "media.read");
  const db = await getDatabase();
  const usage = await findUsage(db, await loadRow(db, id));
  return usage.map((u) => ({
    articleId: u.articleId,
    title: u.title,
    editionNumber: u.editionNumber,
    state: u.state,
    as: u.as,
    publishedSlug: u.publishedSlug,
  }));
}

/** Whether the caller may change the image's description, and if not, why and who can: for the studio form. */
export async function getMediaDescriptionRights({ id }: { id: number }): Promise<DescriptionRights> {
  const user = await requireCapability("studio:use", "media", "media.read");
  const db = await getDatabase();
  const row = await loadRow(db, id);
  return descriptionRights(user, row, await findUsage(db, row));
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
 * `version`; public pages showing the image are expired (and the tags
 * returned). Who may change it depends on where it is used
 * (`descriptionRights`), checked again inside the transaction so an item
 * published a moment ago counts.
 */
export const updateMediaDescription = defineCommand({
  action: "media.describe",
  surface: "media",
  capability: "media:upload",
  input: describeSchema,
  authorize: async ({ user, input, db, deny }) => {
    const before = await loadRow(db, input.id);
    const refusal = descriptionRights(user, before, await findUsage(db, before)).reason;
    if (refusal) await deny(refusal);
  },
  target: (input) => ({ type: "media", id: input.id }),
  run: async ({ user, input: d, tx, now, note, expire }): Promise<{ media: MediaDto; expireTags: string[] }> => {
    // Again inside the write: an item using the image may have gone into review since.
    const row = await loadRow(tx, d.id);
    const usage = await findUsage(tx, row);
    const rights = descriptionRights(user, row, usage);
    if (!rights.canEdit) throw new AppError("forbidden:media", rights.reason!);
    const [updated] = await tx
      .update(mediaAssets)
      .set({
        altText: d.decorative ? "" : d.altText,
        decorative: d.decorative,
        caption: d.caption,
        credit: d.credit,
        version: row.version + 1,
        updatedAt: now,
      })
      .where(and(eq(mediaAssets.id, d.id), eq(mediaAssets.version, d.version)))
      .returning();
    if (!updated)
      throw new AppError(
        "conflict:media",
        "Someone changed this description after you opened it. Reload to see their words, then edit again.",
        { currentVersion: row.version },
      );
    note({ decorative: d.decorative });
    const expireTags = usage.flatMap((u) => (u.publishedSlug ? publicTagsForArticle(u.publishedSlug) : []));
    expire(...expireTags);
    return { media: toMediaDto(updated), expireTags };
  },
});

const deleteCommand = defineCommand({
  action: "media.delete",
  surface: "media",
  capability: "media:upload",
  input: z.object({ id: z.number() }).strict(),
  authorize: async ({ user, input, db, deny }) => {
    const row = await loadRow(db, input.id);
    if (!can(user, "article:edit-any") && row.uploadedById !== user.id) await deny("Writers can only delete images they uploaded.");
    return row;
  },
  target: (input) => ({ type: "media", id: input.id }),
  run: async ({ input, resource: row, tx, note }) => {
    const usage = await findUsage(tx, row);
    if (usage.length > 0) {
      const list = usage
        .map((u) => `“${u.title}” (${u.as === "hero" ? "hero image" : "in the text"}, ${u.state.toLowerCase()})`)
        .join("; ");
      throw new AppError("conflict:media", `This image is still used by: ${list}. Remove it from those items first.`, { usage });
    }
    await tx.delete(mediaAssets).where(eq(mediaAssets.id, input.id));
    note({ name: row.originalName });
    return row.storageKey;
  },
});

/**
 * Removes an unused image: its row, then (after the commit) its files.
 * Writers may delete their own uploads; editors and up, any. A malformed id
 * is "no longer exists" (404), like the detail page.
 */
export async function deleteMedia({ id }: { id: number }): Promise<void> {
  const storageKey = await deleteCommand({ id });
  await removeAssetFiles(storageKey);
}

import "server-only";
import { randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import { previewLinks, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { requireCapability } from "../auth/current-user";
import { defineCommand } from "../command";
import { publicRead } from "../public-read";
import { getDatabase } from "../db";
import { buildNewestEditionPreview, type ArticlePreview } from "./preview";
import { loadArticle } from "../articles/editions";
import { getPreviewLinkStatus, hashPreviewToken, type PreviewLinkStatus } from "./preview-link-status";

/** How long a link may live; a day unless the publisher chooses otherwise. */
export const PREVIEW_LINK_LIFETIMES = {
  "1h": { label: "1 hour", ms: 60 * 60 * 1000 },
  "1d": { label: "1 day", ms: 24 * 60 * 60 * 1000 },
  "7d": { label: "7 days", ms: 7 * 24 * 60 * 60 * 1000 },
} as const;
export type PreviewLinkLifetime = keyof typeof PREVIEW_LINK_LIFETIMES;
export const DEFAULT_PREVIEW_LINK_LIFETIME: PreviewLinkLifetime = "1d";

export type CreatedPreviewLink = { id: number; token: string; path: string; expiresAt: string };
export type ActivePreviewLink = { id: number; createdBy: string; createdAt: string; expiresAt: string };

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const lifetimes = Object.keys(PREVIEW_LINK_LIFETIMES) as [PreviewLinkLifetime, ...PreviewLinkLifetime[]];
const createSchema = z.object({ articleId: id, expiresIn: z.enum(lifetimes).default(DEFAULT_PREVIEW_LINK_LIFETIME) }).strict();
const revokeSchema = z.object({ articleId: id, linkId: id }).strict();
const listSchema = z.object({ articleId: id }).strict();

/**
 * A link that shows the item's newest edition to someone without an account.
 * The token is returned once, here, and never again.
 */
export const createPreviewLink = defineCommand({
  action: "preview_link.create",
  surface: "preview",
  capability: "article:preview-link",
  input: createSchema,
  authorize: async ({ input, db }) => {
    const article = await loadArticle(db, input.articleId);
    return article;
  },
  target: (input) => ({ type: "article", id: input.articleId }),
  run: async ({ user, input, resource: article, tx, now, note }): Promise<CreatedPreviewLink> => {
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(now.getTime() + PREVIEW_LINK_LIFETIMES[input.expiresIn].ms);
    const [link] = await tx
      .insert(previewLinks)
      .values({ articleId: article.id, tokenHash: hashPreviewToken(token), createdById: user.id, expiresAt, createdAt: now })
      .returning({ id: previewLinks.id });
    note({ linkId: link!.id, expiresAt: expiresAt.toISOString() });
    return { id: link!.id, token, path: `/preview/${token}`, expiresAt: expiresAt.toISOString() };
  },
});

/** Ends a link at once: the next request with it is refused. Revoking twice changes nothing. */
export const revokePreviewLink = defineCommand({
  action: "preview_link.revoke",
  surface: "preview",
  capability: "article:preview-link",
  input: revokeSchema,
  target: (input) => ({ type: "article", id: input.articleId }),
  run: async ({ input, tx, now, note, unchanged }) => {
    const link = await tx.query.previewLinks.findFirst({
      where: (l, { and: all, eq: is }) => all(is(l.id, input.linkId), is(l.articleId, input.articleId)),
    });
    if (!link) throw new AppError("not_found:preview", "That preview link does not belong to this news item.");
    if (link.revokedAt) return unchanged();
    await tx.update(previewLinks).set({ revokedAt: now }).where(eq(previewLinks.id, link.id));
    note({ linkId: link.id });
  },
});

/** Links of an item that still work: not revoked and not expired, newest first. */
export async function listPreviewLinks(input: { articleId: number }, now = new Date()): Promise<ActivePreviewLink[]> {
  await requireCapability("article:preview-link", "preview", "preview_link.list");
  const parsed = listSchema.safeParse(input);
  if (!parsed.success) throw AppError.invalid("preview", parsed.error);
  const { articleId } = parsed.data;
  const db = await getDatabase();
  const rows = await db
    .select({ id: previewLinks.id, createdBy: users.name, createdAt: previewLinks.createdAt, expiresAt: previewLinks.expiresAt })
    .from(previewLinks)
    .innerJoin(users, eq(users.id, previewLinks.createdById))
    .where(and(eq(previewLinks.articleId, articleId), isNull(previewLinks.revokedAt), gt(previewLinks.expiresAt, now)))
    .orderBy(desc(previewLinks.id));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), expiresAt: r.expiresAt.toISOString() }));
}

/** What the /preview/[token] page shows: the item's newest edition, or why the link does not work. */
export type PreviewLinkResult = { state: "valid"; preview: ArticlePreview } | Exclude<PreviewLinkStatus, { state: "valid" }>;

/**
 * For the public /preview/[token] page: no session, the token is the credential, checked in
 * full on every request (proxy.ts only sets the status). Malformed and unknown tokens are
 * "unknown"; revoked and expired ones say when, and nothing about the item.
 */
export const resolvePreviewLink = publicRead(
  "the token is the credential",
  async function resolvePreviewLink({ token, now = new Date() }: { token: unknown; now?: Date }): Promise<PreviewLinkResult> {
    const status = await getPreviewLinkStatus({ token, now });
    if (status.state !== "valid") return status;
    const preview = await buildNewestEditionPreview(await getDatabase(), status.articleId);
    return preview ? { state: "valid", preview } : { state: "unknown" };
  },
);

/** The preview behind a working token, or null for any token that does not work. */
export const resolvePreviewToken = publicRead(
  "the token is the credential",
  async function resolvePreviewToken({ token, now = new Date() }: { token: unknown; now?: Date }): Promise<ArticlePreview | null> {
    const result = await resolvePreviewLink({ token, now });
    return result.state === "valid" ? result.preview : null;
  },
);

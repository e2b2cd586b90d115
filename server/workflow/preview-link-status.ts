import "server-only";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { previewLinks } from "@/db/schema";
import { getDatabase } from "../db";
import { publicRead } from "../public-read";

/** 32 random bytes in base64url: exactly 43 characters of A–Z, a–z, 0–9, "-" and "_". */
export const previewTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** Only the hash is stored, so a leaked database does not leak working links. */
export function hashPreviewToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * What a preview token names. Revoked and expired links say when, so the person holding one
 * knows to ask for a new one; they say nothing else (no item, no title, no author). Only
 * someone who was sent the 256-bit token can learn even that much.
 */
export type PreviewLinkStatus =
  { state: "valid"; articleId: number } | { state: "revoked"; at: Date } | { state: "expired"; at: Date } | { state: "unknown" };

/** The HTTP status each state answers with: 410 Gone for a link that worked once, 404 for one that never did. */
export const PREVIEW_LINK_HTTP_STATUS = { valid: 200, revoked: 410, expired: 410, unknown: 404 } as const;

/**
 * One indexed lookup by the token's hash (preview_links.token_hash is unique). proxy.ts asks it
 * for the response status before the page streams; the page asks it again for its own answer.
 * A link revoked after it expired is reported as revoked: that is the later, deliberate act.
 */
export const getPreviewLinkStatus = publicRead(
  "the token is the credential",
  async function getPreviewLinkStatus({ token, now = new Date() }: { token: unknown; now?: Date }): Promise<PreviewLinkStatus> {
    const parsed = previewTokenSchema.safeParse(token);
    if (!parsed.success) return { state: "unknown" };
    const db = await getDatabase();
    const [link] = await db
      .select({ articleId: previewLinks.articleId, expiresAt: previewLinks.expiresAt, revokedAt: previewLinks.revokedAt })
      .from(previewLinks)
      .where(eq(previewLinks.tokenHash, hashPreviewToken(parsed.data)))
      .limit(1);
    if (!link) return { state: "unknown" };
    if (link.revokedAt) return { state: "revoked", at: link.revokedAt };
    if (link.expiresAt.getTime() <= now.getTime()) return { state: "expired", at: link.expiresAt };
    return { state: "valid", articleId: link.articleId };
  },
);

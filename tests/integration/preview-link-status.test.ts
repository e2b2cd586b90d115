import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { previewLinks } from "@/db/schema";
import * as drafts from "@/server/articles/drafts";
import * as links from "@/server/workflow/preview-links";
import { getPreviewLinkStatus, PREVIEW_LINK_HTTP_STATUS } from "@/server/workflow/preview-link-status";
import { integrationTest } from "../support/fixtures";
import { actAs } from "../support/session";

const it = integrationTest();
const HOUR = 60 * 60 * 1000;

async function linkToNewDraft() {
  actAs("writer");
  const { id } = await drafts.createArticle();
  actAs("publisher");
  const created = new Date();
  const link = await links.createPreviewLink({ articleId: id, expiresIn: "1h" }, { now: created });
  actAs(null);
  return { id, link, created };
}

describe("preview link status", () => {
  it("tells valid, expired and revoked links apart, without a session, and maps them to 200, 410 and 410", async ({ db }) => {
    const { id, link, created } = await linkToNewDraft();
    expect(await getPreviewLinkStatus({ token: link.token, now: created })).toEqual({ state: "valid", articleId: id });
    const expiresAt = new Date(created.getTime() + HOUR);
    expect(await getPreviewLinkStatus({ token: link.token, now: expiresAt })).toEqual({ state: "expired", at: expiresAt });
    expect(await links.resolvePreviewLink({ token: link.token, now: expiresAt })).toEqual({ state: "expired", at: expiresAt });

    const revokedAt = new Date(created.getTime() + 60_000);
    await db.update(previewLinks).set({ revokedAt }).where(eq(previewLinks.id, link.id));
    // Revoking is the later, deliberate act: it wins over expiry.
    for (const now of [created, new Date(created.getTime() + 2 * HOUR)]) {
      expect(await getPreviewLinkStatus({ token: link.token, now })).toEqual({ state: "revoked", at: revokedAt });
    }
    expect([PREVIEW_LINK_HTTP_STATUS.valid, PREVIEW_LINK_HTTP_STATUS.expired, PREVIEW_LINK_HTTP_STATUS.revoked]).toEqual([200, 410, 410]);
  });

  it("gives the preview itself only for a working link", async () => {
    const { id, link, created } = await linkToNewDraft();
    const result = await links.resolvePreviewLink({ token: link.token, now: created });
    expect(result.state).toBe("valid");
    expect(result.state === "valid" && result.preview.article.id).toBe(id);
  });

  it("calls malformed and unknown tokens unknown (404), saying nothing more", async () => {
    for (const token of ["", "short", "a".repeat(44), `${"a".repeat(42)}=`, "../../etc/passwd", 42, null, undefined, "a".repeat(43)]) {
      expect(await getPreviewLinkStatus({ token })).toEqual({ state: "unknown" });
      expect(await links.resolvePreviewLink({ token })).toEqual({ state: "unknown" });
    }
    expect(PREVIEW_LINK_HTTP_STATUS.unknown).toBe(404);
  });
});

import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { articleEditions, articles, categories, type ArticleStatus, type EditionState, type Signatory } from "@/db/schema";
import type { ArticleDocument } from "@/lib/content/document-schema";
import { renderArticleHtml } from "@/lib/content/render-html";
import { toTokyoIsoString, tokyoDateOf } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { firstImageUrl } from "@/lib/structured-data";
import { requireCapability } from "../auth/current-user";
import { getDatabase } from "../db";
import { getRecommendationsForArticle } from "../public-article";
import type { PublicArticle, PublicRecommendation } from "../public-dto";

/** The newest edition of an item, shaped exactly as the public article page receives it. */
export type ArticlePreview = {
  article: PublicArticle;
  recommended: PublicRecommendation[];
  edition: { number: number; state: EditionState; updatedAt: string };
  status: ArticleStatus;
};

type PreviewRow = {
  id: number;
  slug: string;
  status: ArticleStatus;
  firstPublishedAt: Date | null;
  publicUpdatedAt: Date | null;
  withdrawnAt: Date | null;
  withdrawalNote: string | null;
  number: number;
  state: EditionState;
  title: string;
  summary: string;
  body: ArticleDocument;
  datelineDate: string;
  signatories: Signatory[];
  tags: string[];
  updatedAt: Date;
  changeType: "minor" | "major" | null;
  changeNote: string | null;
  categorySlug: string;
  categoryName: string;
};

type ChangeNote = { at: Date | null; note: string | null };

/**
 * The one place a preview becomes a PublicArticle: when the public DTO grows,
 * this mapper is what follows it. A never-published item gets the time of its
 * last save as its dates, which is what publishing now would show.
 */
function toPublicArticle(row: PreviewRow, earlierChanges: ChangeNote[], now: Date): PublicArticle {
  const published = row.firstPublishedAt ?? row.updatedAt;
  // A major change note on the newest, unpublished edition is shown as it will read once published today.
  const pending: ChangeNote[] =
    row.changeType === "major" && row.state !== "published" && row.state !== "superseded" ? [{ at: now, note: row.changeNote }] : [];
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    datelineDate: row.datelineDate,
    category: { slug: row.categorySlug, name: row.categoryName },
    bodyHtml: renderArticleHtml(row.body),
    signatories: row.signatories,
    tags: row.tags,
    firstPublishedAt: toTokyoIsoString(published),
    updatedAt: toTokyoIsoString(row.publicUpdatedAt ?? published),
    imageUrl: firstImageUrl(row.body),
    withdrawal:
      row.status === "withdrawn" && row.withdrawnAt
        ? { date: tokyoDateOf(row.withdrawnAt), explanation: row.withdrawalNote ?? "" }
        : null,
    changes: [...earlierChanges, ...pending]
      .filter((c): c is { at: Date; note: string } => c.at !== null && !!c.note)
      .map((c) => ({ date: tokyoDateOf(c.at), note: c.note })),
  };
}

/**
 * Builds the preview of an item's newest edition. It does not authorize:
 * getArticlePreview checks the session and resolvePreviewToken the link,
 * and each calls this only after its check.
 */
export async function buildNewestEditionPreview(db: Database, articleId: number, now = new Date()): Promise<ArticlePreview | null> {
  const [row] = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      status: articles.status,
      firstPublishedAt: articles.firstPublishedAt,
      publicUpdatedAt: articles.publicUpdatedAt,
      withdrawnAt: articles.withdrawnAt,
      withdrawalNote: articles.withdrawalNote,
      number: articleEditions.number,
      state: articleEditions.state,
      title: articleEditions.title,
      summary: articleEditions.summary,
      body: articleEditions.body,
      datelineDate: articleEditions.datelineDate,
      signatories: articleEditions.signatories,
      tags: articleEditions.tags,
      updatedAt: articleEditions.updatedAt,
      changeType: articleEditions.changeType,
      changeNote: articleEditions.changeNote,
      categorySlug: categories.slug,
      categoryName: categories.name,
    })
    .from(articles)
    .innerJoin(articleEditions, eq(articleEditions.articleId, articles.id))
    .innerJoin(categories, eq(categories.id, articleEditions.categoryId))
    .where(eq(articles.id, articleId))
    .orderBy(desc(articleEditions.number))
    .limit(1);
  if (!row) return null;
  const earlierChanges = await db
    .select({ at: articleEditions.publishedAt, note: articleEditions.changeNote })
    .from(articleEditions)
    .where(
      and(
        eq(articleEditions.articleId, articleId),
        eq(articleEditions.changeType, "major"),
        inArray(articleEditions.state, ["published", "superseded"]),
      ),
    )
    .orderBy(asc(articleEditions.number));
  const article = toPublicArticle(row, earlierChanges, now);
  const recommended = await getRecommendationsForArticle({ articleId: row.id, categorySlug: row.categorySlug });
  return {
    article,
    recommended,
    edition: { number: row.number, state: row.state, updatedAt: row.updatedAt.toISOString() },
    status: row.status,
  };
}

const previewSchema = z.object({ articleId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) }).strict();

/** Any staff member may see how any item would look to readers; nothing here is cached. */
export async function getArticlePreview(input: { articleId: number }): Promise<ArticlePreview> {
  const parsed = previewSchema.safeParse(input);
  if (!parsed.success) throw new AppError("bad_request:preview", "That is not a news item number.");
  await requireCapability("studio:use", "preview", "article.preview");
  const db = await getDatabase();
  const preview = await buildNewestEditionPreview(db, parsed.data.articleId);
  if (!preview) throw new AppError("not_found:article", "There is no news item with that number.");
  return preview;
}

import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { articleEditions, articles, type ArticleStatus, type Signatory } from "@/db/schema";
import type { ArticleDocument } from "@/lib/content/document-schema";
import { renderArticleHtml } from "@/lib/content/render-html";
import { toTokyoIsoString, tokyoDateOf } from "@/lib/dates";
import { firstImageUrl } from "@/lib/structured-data";
import type { PublicArticle } from "./dto";
import { loadHeroImage } from "./hero";
import { summaryColumns, toSummary } from "./summary";
import { getRecommendationsForArticle } from "./recommendations";
import { listPublishedVersions, type GroupVersion } from "./translation-versions";

/**
 * The ONE place an article becomes what readers see. The public page maps its published
 * edition, the staff preview and the preview link map the newest edition: when the DTO
 * grows, both follow, and the preview cannot drift from the page.
 */

/** Columns of one edition of an article, joined to articles and the edition's category. */
export const articleColumns = {
  ...summaryColumns,
  id: articles.id,
  body: articleEditions.body,
  signatories: articleEditions.signatories,
  tags: articleEditions.tags,
  heroMediaId: articleEditions.heroMediaId,
  status: articles.status,
  firstPublishedAt: articles.firstPublishedAt,
  publicUpdatedAt: articles.publicUpdatedAt,
  withdrawnAt: articles.withdrawnAt,
  withdrawalNote: articles.withdrawalNote,
  translationOfId: articles.translationOfId,
  outOfDateSince: articles.outOfDateSince,
};

export type ArticleRow = {
  id: number;
  slug: string;
  title: string;
  summary: string;
  datelineDate: string;
  categorySlug: string;
  categoryName: string;
  language: string;
  translationOfId: number | null;
  outOfDateSince: Date | null;
  body: ArticleDocument;
  signatories: Signatory[];
  tags: string[];
  heroMediaId: number | null;
  status: ArticleStatus;
  firstPublishedAt: Date | null;
  publicUpdatedAt: Date | null;
  withdrawnAt: Date | null;
  withdrawalNote: string | null;
};

export type ChangeNote = { at: Date | null; note: string | null };

type Extras = Pick<PublicArticle, "hero" | "recommended"> & { publishedAt: Date; changes: ChangeNote[]; versions: GroupVersion[] };

/** Row + what was loaded around it -> the public DTO. Pure: no reads here. */
export function toPublicArticle(row: ArticleRow, { publishedAt, changes, hero, recommended, versions }: Extras): PublicArticle {
  const { id, body, withdrawnAt } = row;
  const others = versions.filter((v) => v.id !== id).map(({ language, title, path }) => ({ language, title, path }));
  const source = row.translationOfId === null ? undefined : versions.find((v) => v.id === row.translationOfId);
  const sourceVersion = source ? { language: source.language, title: source.title, path: source.path } : null;
  return {
    ...toSummary({
      slug: row.slug,
      title: row.title,
      summary: row.summary,
      datelineDate: row.datelineDate,
      categorySlug: row.categorySlug,
      categoryName: row.categoryName,
      language: row.language,
    }),
    id,
    translations: others,
    translationOf: sourceVersion,
    // Only while the newer source is public: readers are sent to words they can read.
    outOfDate: row.outOfDateSince && sourceVersion ? { since: tokyoDateOf(row.outOfDateSince), source: sourceVersion } : null,
    bodyHtml: renderArticleHtml(body),
    signatories: row.signatories,
    tags: row.tags,
    // The row's firstPublishedAt is null before the first publication: the caller says which date to show.
    firstPublishedAt: toTokyoIsoString(publishedAt),
    updatedAt: toTokyoIsoString(row.publicUpdatedAt ?? publishedAt),
    imageUrl: firstImageUrl(body),
    withdrawal:
      row.status === "withdrawn" && withdrawnAt ? { date: tokyoDateOf(withdrawnAt), explanation: row.withdrawalNote ?? "" } : null,
    changes: changes
      .filter((c): c is { at: Date; note: string } => c.at !== null && !!c.note)
      .map((c) => ({ date: tokyoDateOf(c.at), note: c.note })),
    hero,
    recommended,
  };
}

/** Public change notes: those of the major editions already published, oldest first. */
async function listPublishedMajorChanges(db: Database, articleId: number): Promise<ChangeNote[]> {
  return db
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
}

/**
 * Loads what the DTO carries beside the row (change notes, hero, Recommended list) and maps it.
 * `pendingChanges` are notes not yet published (a preview shows them as they will read).
 */
export async function buildPublicArticle(
  db: Database,
  row: ArticleRow,
  { publishedAt, pendingChanges = [] }: { publishedAt: Date; pendingChanges?: ChangeNote[] },
): Promise<PublicArticle> {
  const [earlier, hero, recommended, versions] = await Promise.all([
    listPublishedMajorChanges(db, row.id),
    loadHeroImage(db, row.heroMediaId),
    getRecommendationsForArticle({ articleId: row.id, categorySlug: row.categorySlug, language: row.language }),
    listPublishedVersions(db, row.translationOfId ?? row.id),
  ]);
  return toPublicArticle(row, { publishedAt, changes: [...earlier, ...pendingChanges], hero, recommended, versions });
}

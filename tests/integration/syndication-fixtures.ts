import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { articleEditions, articles, categories, type EditionState } from "@/db/schema";
import type { ArticleDocument } from "@/lib/content/document-schema";

/**
 * Items readers must never see, written straight into a test database, each with a
 * word of its own so a feed, sitemap or search leak is easy to spot.
 */

const doc = (text: string): ArticleDocument => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});

type NewArticle = {
  slug: string;
  title: string;
  text: string;
  status: "draft" | "published" | "withdrawn";
  editionState: EditionState;
  categorySlug?: string;
  firstPublishedAt?: Date | null;
  publicUpdatedAt?: Date | null;
  /** Point publishedEditionId at the edition even when not published, to prove the status filter works alone. */
  linkEdition?: boolean;
  scheduledFor?: Date;
  /** The item's language ("en" unless given) and, for a translation, the id of the item it translates. */
  language?: string;
  translationOfId?: number;
};

export async function insertArticle(db: Database, a: NewArticle) {
  const [category] = await db
    .select()
    .from(categories)
    .where(eq(categories.slug, a.categorySlug ?? "government"));
  const [article] = await db
    .insert(articles)
    .values({
      slug: a.slug,
      guid: randomUUID(),
      status: a.status,
      categoryId: category!.id,
      firstPublishedAt: a.firstPublishedAt ?? null,
      publicUpdatedAt: a.publicUpdatedAt ?? a.firstPublishedAt ?? null,
      withdrawnAt: a.status === "withdrawn" ? new Date() : null,
      ...(a.language ? { language: a.language } : {}),
      ...(a.translationOfId ? { translationOfId: a.translationOfId } : {}),
    })
    .returning();
  const [edition] = await db
    .insert(articleEditions)
    .values({
      articleId: article!.id,
      number: 1,
      state: a.editionState,
      title: a.title,
      summary: `${a.title}.`,
      body: doc(a.text),
      categoryId: category!.id,
      datelineDate: "2026-03-01",
      scheduledFor: a.scheduledFor ?? null,
      publishedAt: a.editionState === "published" ? (a.firstPublishedAt ?? null) : null,
    })
    .returning();
  if (a.linkEdition ?? a.status !== "draft") {
    await db.update(articles).set({ publishedEditionId: edition!.id }).where(eq(articles.id, article!.id));
  }
  return { article: article!, edition: edition! };
}

/** A second, scheduled edition of a published article: its words are embargoed until it fires. */
export async function insertScheduledEdition(db: Database, articleId: number, title: string, text: string, at: Date) {
  const [current] = await db.select().from(articleEditions).where(eq(articleEditions.articleId, articleId));
  const [edition] = await db
    .insert(articleEditions)
    .values({
      articleId,
      number: 2,
      state: "scheduled",
      title,
      summary: `${title}.`,
      body: doc(text),
      categoryId: current!.categoryId,
      datelineDate: current!.datelineDate,
      scheduledFor: at,
      changeType: "major",
    })
    .returning();
  return edition!;
}

export const HIDDEN = {
  draft: { slug: "draft-about-the-quixotic-budget", word: "Quixotic" },
  withdrawn: { slug: "withdrawn-notice-about-the-zeppelin", word: "Zeppelin" },
  scheduled: { slug: "scheduled-announcement-of-the-marimba-festival", word: "Marimba" },
  embargoedEdition: { word: "Xylophone" },
} as const;

/** The draft, withdrawn and scheduled items above, plus a published item with an embargoed new edition. */
export async function insertHiddenItems(db: Database) {
  const future = new Date(Date.now() + 7 * 24 * 3600_000);
  const draft = await insertArticle(db, {
    slug: HIDDEN.draft.slug,
    title: "Draft about the quixotic budget",
    text: "Quixotic figures, not yet approved.",
    status: "draft",
    editionState: "draft",
    linkEdition: true,
  });
  const withdrawn = await insertArticle(db, {
    slug: HIDDEN.withdrawn.slug,
    title: "Withdrawn notice about the zeppelin",
    text: "A zeppelin will fly over the bay.",
    status: "withdrawn",
    editionState: "published",
    firstPublishedAt: new Date(Date.now() - 3600_000),
  });
  const scheduled = await insertArticle(db, {
    slug: HIDDEN.scheduled.slug,
    title: "Scheduled announcement of the marimba festival",
    text: "Marimba players gather.",
    status: "draft",
    editionState: "scheduled",
    scheduledFor: future,
  });
  const live = await insertArticle(db, {
    slug: "published-item-with-a-scheduled-correction",
    title: "Published item with a scheduled correction",
    text: "The original wording of this item.",
    status: "published",
    editionState: "published",
    firstPublishedAt: new Date(Date.now() - 2 * 3600_000),
    categorySlug: "culture",
  });
  const embargoed = await insertScheduledEdition(
    db,
    live.article.id,
    "Corrected item mentioning a xylophone",
    "Xylophone concert details, embargoed.",
    future,
  );
  return { draft, withdrawn, scheduled, live, embargoed };
}

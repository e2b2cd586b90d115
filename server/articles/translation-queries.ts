import "server-only";
import { and, eq, or } from "drizzle-orm";
import { diffWords } from "diff";
import type { Database } from "@/db/client";
import { articleEditions, articles, type ArticleEditionRow, type ArticleRow } from "@/db/schema";
import { documentToPlainText } from "@/lib/content/document-schema";
import { env } from "@/lib/env";
import { KNOWN_LANGUAGES } from "@/lib/languages";
import { can } from "@/lib/permissions";
import type { DiffPart } from "@/lib/revision-changes";
import { requireCapability } from "../auth/current-user";
import { getDatabase } from "../db";
import { getLatestEdition, loadArticle } from "./editions";
import { isNewestEditionOfArticle, latest } from "./studio-rows";
import type { SourceDiff, StudioLanguage, TranslationPanel, TranslationVersion, TranslatorView } from "./studio-dto";

/** Staff read language names in English; a language no longer configured keeps its name if it is known at all. */
export function studioLanguage(code: string): StudioLanguage {
  const info = env().SITE_LANGUAGES.find((l) => l.code === code) ?? KNOWN_LANGUAGES.find((l) => l.code === code);
  return { code, englishName: info?.englishName ?? code };
}

/** Every version in `groupId`'s translation group, each with its newest edition's title and state. */
async function groupVersions(db: Database, groupId: number) {
  return db
    .select({
      id: articles.id,
      language: articles.language,
      status: articles.status,
      translationOfId: articles.translationOfId,
      outOfDateSince: articles.outOfDateSince,
      title: latest.title,
      state: latest.state,
    })
    .from(articles)
    .innerJoin(latest, isNewestEditionOfArticle)
    .where(or(eq(articles.id, groupId), eq(articles.translationOfId, groupId)));
}

/** The configured languages' order, then any other language: the source first in any case. */
function byGroupOrder(a: { isSource: boolean; language: StudioLanguage }, b: { isSource: boolean; language: StudioLanguage }) {
  if (a.isSource !== b.isSource) return a.isSource ? -1 : 1;
  const codes = env().SITE_LANGUAGES.map((l) => l.code);
  const rank = (code: string) => (codes.includes(code) ? codes.indexOf(code) : codes.length);
  return rank(a.language.code) - rank(b.language.code) || a.language.code.localeCompare(b.language.code);
}

/** The editor's Translations panel: this item's language, its source, every version of it, and the languages it lacks. */
export async function getTranslationPanel({ articleId }: { articleId: number }): Promise<TranslationPanel> {
  const user = await requireCapability("studio:use", "article", "article.open");
  const db = await getDatabase();
  const article = await loadArticle(db, articleId);
  const groupId = article.translationOfId ?? article.id;
  const rows = await groupVersions(db, groupId);
  const versions: TranslationVersion[] = rows
    .map((r) => ({
      id: r.id,
      language: studioLanguage(r.language),
      title: r.title,
      status: r.status,
      state: r.state,
      isSource: r.id === groupId,
      outOfDateSince: r.outOfDateSince?.toISOString() ?? null,
    }))
    .sort(byGroupOrder);
  const sourceRow = versions.find((v) => v.isSource);
  const taken = new Set(rows.map((r) => r.language));
  return {
    id: article.id,
    language: studioLanguage(article.language),
    source:
      article.translationOfId !== null && sourceRow ? { id: sourceRow.id, title: sourceRow.title, language: sourceRow.language } : null,
    versions,
    missing: env()
      .SITE_LANGUAGES.filter((l) => !taken.has(l.code))
      .map((l) => studioLanguage(l.code)),
    canAddVersion: article.translationOfId === null && can(user, "article:create"),
  };
}

async function editionOf(db: Database, articleId: number, editionId: number | null): Promise<ArticleEditionRow | null> {
  if (editionId === null) return null;
  const [row] = await db
    .select()
    .from(articleEditions)
    .where(and(eq(articleEditions.id, editionId), eq(articleEditions.articleId, articleId)));
  return row ?? null;
}

/** A long rewrite can make a word diff expensive: past this it shows as replaced whole (as in the history view). */
const DIFF_TIMEOUT_MS = 1_500;

/**
 * Word diff in the source's language. Intl.Segmenter finds word boundaries in Japanese (and
 * Chinese…), which has no spaces between words: without it a changed word would mark a whole sentence.
 */
function sourceWordDiff(before: string, after: string, language: string): DiffPart[] {
  const changes = diffWords(before, after, {
    timeout: DIFF_TIMEOUT_MS,
    intlSegmenter: new Intl.Segmenter(language, { granularity: "word" }),
  }) ?? [
    { value: before, added: false, removed: true, count: 1 },
    { value: after, added: true, removed: false, count: 1 },
  ];
  return changes
    .filter((c) => c.value !== "")
    .map((c): DiffPart => (c.added ? { added: true, value: c.value } : c.removed ? { removed: true, value: c.value } : { value: c.value }));
}

function sourceDiff(from: ArticleEditionRow, to: ArticleEditionRow, language: string): SourceDiff {
  return {
    fromEditionNumber: from.number,
    toEditionNumber: to.number,
    title: sourceWordDiff(from.title, to.title, language),
    summary: sourceWordDiff(from.summary, to.summary, language),
    body: sourceWordDiff(documentToPlainText(from.body), documentToPlainText(to.body), language),
  };
}

/** The source's words a translator works from: the published ones, or the newest draft of a never-published source. */
async function currentSourceEdition(db: Database, source: ArticleRow) {
  const published = await editionOf(db, source.id, source.publishedEditionId);
  if (published) return { edition: published, published: true };
  const newest = await getLatestEdition(db, source.id);
  return newest ? { edition: newest, published: false } : null;
}

/**
 * What the translator's editor shows beside a translation: the source's current words and, when
 * the translation is out of date, the word diff of the source from the edition it was translated
 * from to the source's published edition. Null for an item that is not a translation.
 */
export async function getTranslatorView({ articleId }: { articleId: number }): Promise<TranslatorView | null> {
  const user = await requireCapability("studio:use", "article", "article.open");
  const db = await getDatabase();
  const article = await loadArticle(db, articleId);
  if (article.translationOfId === null) return null;
  const source = await loadArticle(db, article.translationOfId);
  const current = await currentSourceEdition(db, source);
  if (!current) return null;
  const { edition, published } = current;
  let outOfDate: TranslatorView["outOfDate"] = null;
  if (article.outOfDateSince) {
    const from = await editionOf(db, source.id, article.translatedFromEditionId);
    const to = await editionOf(db, source.id, source.publishedEditionId);
    outOfDate = { since: article.outOfDateSince.toISOString(), diff: from && to ? sourceDiff(from, to, source.language) : null };
  }
  return {
    source: {
      id: source.id,
      language: studioLanguage(source.language),
      published,
      editionNumber: edition.number,
      title: edition.title,
      summary: edition.summary,
      paragraphs: documentToPlainText(edition.body)
        .split(/\n{2,}/)
        .map((p) => p.trim())
        .filter(Boolean),
    },
    outOfDate,
    canConfirmCurrent: can(user, "article:review"),
  };
}

import type { EditionState, Signatory } from "@/db/schema";
import type { ArticleDocument } from "@/lib/content/document-schema";
import type { DiffPart } from "@/lib/revision-changes";
import type { TransitionName } from "@/lib/workflow";

export type StudioArticleRow = {
  id: number;
  slug: string;
  title: string;
  status: "draft" | "published" | "withdrawn";
  state: EditionState;
  editionNumber: number;
  categoryName: string;
  authorName: string | null;
  updatedAt: string;
  scheduledFor: string | null;
  firstPublishedAt: string | null;
  scheduleError: string | null;
  /** BCP 47 code of the item's words, and its English name for staff. */
  language: string;
  languageName: string;
  /** The source item when this is a translation. */
  translationOfId: number | null;
  /** When a major change to the source left this translation behind (ISO), or null. */
  outOfDateSince: string | null;
};

export type EditableArticle = {
  id: number;
  slug: string;
  /** BCP 47 code of the words: the editable fields carry it as `lang`. */
  language: string;
  /** Once published, the URL is a public promise and may not change. */
  slugLocked: boolean;
  status: "draft" | "published" | "withdrawn";
  version: number;
  author: { id: number | null; name: string | null };
  canEdit: boolean;
  transitions: TransitionName[];
  workflow: {
    /** A re-publication must say whether it is a minor or major change. */
    needsChangeType: boolean;
    changeType: "minor" | "major" | null;
    changeNote: string | null;
    scheduledFor: string | null;
    scheduleError: string | null;
    publishedWithoutReview: boolean;
    forcePublishReason: string | null;
    canWithdraw: boolean;
    canConfirmReview: boolean;
    canComment: boolean;
    withdrawalNote: string | null;
    firstPublishedAt: string | null;
    /** When the public edition went live, and whether the scheduler released it. */
    liveSince: string | null;
    releasedByScheduler: boolean;
    /** The next full hour, Tokyo time, as the schedule form's starting value. */
    suggestedScheduleAt: string;
  };
  edition: {
    id: number;
    number: number;
    state: EditionState;
    title: string;
    summary: string;
    body: ArticleDocument;
    categoryId: number;
    datelineDate: string;
    signatories: Signatory[];
    tags: string[];
    lastEditedBy: string | null;
    updatedAt: string;
  };
};

export type SaveResult = { version: number; savedAt: string; editionNumber: number; slug: string };

/** A language by its code and its English name (staff read the studio in English). */
export type StudioLanguage = { code: string; englishName: string };

/** One language version of an item in the editor's Translations panel. */
export type TranslationVersion = {
  id: number;
  language: StudioLanguage;
  /** The title of the newest edition. */
  title: string;
  status: "draft" | "published" | "withdrawn";
  state: EditionState;
  isSource: boolean;
  outOfDateSince: string | null;
};

export type TranslationPanel = {
  /** The item being edited. */
  id: number;
  language: StudioLanguage;
  /** What this item translates, when it is a translation. */
  source: { id: number; title: string; language: StudioLanguage } | null;
  /** The source first, then its translations in the configured languages' order. */
  versions: TranslationVersion[];
  /** Configured languages with no version in the group yet: only a source offers to add them. */
  missing: StudioLanguage[];
  canAddVersion: boolean;
};

/** A word diff of the source's words, from the edition a translation was made from to the source's published one. */
export type SourceDiff = {
  fromEditionNumber: number;
  toEditionNumber: number;
  title: DiffPart[];
  summary: DiffPart[];
  body: DiffPart[];
};

/** What a translator reads beside a translation: the source's current words, and what changed in them. */
export type TranslatorView = {
  source: {
    id: number;
    language: StudioLanguage;
    /** True when these are the published words; false when the source has never been published (its newest draft). */
    published: boolean;
    editionNumber: number;
    title: string;
    summary: string;
    paragraphs: string[];
  };
  /** Null while the translation is up to date with its source. */
  outOfDate: { since: string; diff: SourceDiff | null } | null;
  canConfirmCurrent: boolean;
};

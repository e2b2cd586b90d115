import type { EditionState, Signatory } from "@/db/schema";
import type { ArticleDocument } from "@/lib/content/document-schema";
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
};

export type EditableArticle = {
  id: number;
  slug: string;
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

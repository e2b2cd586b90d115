import type { Signatory } from "@/db/schema";
import type { PublicImage } from "../media/dto";

/** What a reader may see of an article in a list. Never a whole row. */
export type PublicArticleSummary = {
  slug: string;
  title: string;
  summary: string;
  datelineDate: string;
  category: { slug: string; name: string };
  /** The language of the item's words: its address is under that language's prefix. */
  language: string;
};

export type PublicRecommendation = { title: string; datelineDate: string; href: string; external: boolean };

/** One language version of an item, as a reader links to it. */
export type PublicLanguageVersion = {
  /** BCP 47 code (lib/languages.ts). */
  language: string;
  title: string;
  /** Site-relative address, language prefix included: "/ja/news/x". */
  path: string;
};

export type PublicArticle = PublicArticleSummary & {
  id: number;
  /** The language of these words. */
  language: string;
  /** The item's other published language versions, in the site's language order (not this one). */
  translations: PublicLanguageVersion[];
  /** For a translation: the version it translates (JSON-LD translationOfWork); null for a source. */
  translationOf: PublicLanguageVersion | null;
  /**
   * Set while this translation is marked out of date: a major change to its source was published
   * after it was last brought up to date. `since` is the Tokyo date ("YYYY-MM-DD") of that change.
   */
  outOfDate: { since: string; source: PublicLanguageVersion } | null;
  bodyHtml: string;
  signatories: Signatory[];
  tags: string[];
  firstPublishedAt: string;
  updatedAt: string;
  /** The first image in the body, for sharing cards and structured data. */
  imageUrl: string | null;
  /** Set when the item was withdrawn: the page stays, with this notice. */
  withdrawal: { date: string; explanation: string } | null;
  /** Public change notes of major changes, oldest first ("Corrected the meeting date"). */
  changes: { date: string; note: string }[];
  /** The hero image of the edition shown, or null. */
  hero: PublicImage | null;
  /** The "Recommended for You" list under the article (server/public/recommendations.ts). */
  recommended: PublicRecommendation[];
};

export type PublicCategory = { slug: string; name: string; description: string };

export type Page<T> = { items: T[]; page: number; totalPages: number; total: number };

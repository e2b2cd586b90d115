import type { ArticleDocument, BlockNode } from "./content/document-schema";

/** The first image of an article body, for sharing cards and structured data. */
export function firstImageUrl(doc: ArticleDocument): string | null {
  const visit = (nodes: BlockNode[]): string | null => {
    for (const node of nodes) {
      if (node.type === "image") return node.attrs.src;
      const children =
        node.type === "blockquote"
          ? node.content
          : node.type === "bulletList" || node.type === "orderedList"
            ? node.content.flatMap((li) => li.content)
            : node.type === "table"
              ? node.content.flatMap((row) => row.content.flatMap((cell) => cell.content))
              : [];
      const found = visit(children);
      if (found) return found;
    }
    return null;
  };
  return visit(doc.content);
}

/** Another language version of the same item, as structured data refers to it. */
export type LanguageVersionRef = { url: string; language: string };

export type NewsArticleInput = {
  url: string;
  headline: string;
  description: string;
  datePublished: string;
  dateModified: string;
  section: string;
  keywords: string[];
  imageUrl: string | null;
  organization: { name: string; url: string };
  /** BCP 47 code of the words; "en" when not given. */
  language?: string;
  /** For a translation: the version it translates (schema.org translationOfWork). */
  translationOf?: LanguageVersionRef | null;
  /** For a source: its published translations (schema.org workTranslation). */
  translations?: LanguageVersionRef[];
};

/** A NewsArticle's node id: its page's URL with a fragment, so the WebPage and the article stay apart. */
const articleId = (url: string) => `${url}#article`;

const versionRef = (v: LanguageVersionRef) => ({ "@type": "NewsArticle", "@id": articleId(v.url), url: v.url, inLanguage: v.language });

/**
 * schema.org NewsArticle; the press office is both author and publisher. A translation says
 * which work it translates, and a source lists its translations, so search engines treat the
 * language versions as one work rather than as duplicates.
 */
export function newsArticleJsonLd(input: NewsArticleInput) {
  const organization = { "@type": "GovernmentOrganization", name: input.organization.name, url: input.organization.url };
  const translations = input.translationOf ? [] : (input.translations ?? []);
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "@id": articleId(input.url),
    headline: input.headline,
    description: input.description || undefined,
    datePublished: input.datePublished,
    dateModified: input.dateModified,
    author: organization,
    publisher: organization,
    url: input.url,
    mainEntityOfPage: { "@type": "WebPage", "@id": input.url },
    articleSection: input.section,
    keywords: input.keywords.length > 0 ? input.keywords : undefined,
    image: input.imageUrl ? [input.imageUrl] : undefined,
    inLanguage: input.language ?? "en",
    translationOfWork: input.translationOf ? versionRef(input.translationOf) : undefined,
    workTranslation: translations.length > 0 ? translations.map(versionRef) : undefined,
  };
}

/**
 * JSON for a <script type="application/ld+json"> element. `<` is escaped so no text in
 * the data can close the script; `>`, `&` and the JS line separators for good measure.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

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
};

/** schema.org NewsArticle; the press office is both author and publisher. */
export function newsArticleJsonLd(input: NewsArticleInput) {
  const organization = { "@type": "GovernmentOrganization", name: input.organization.name, url: input.organization.url };
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
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
    inLanguage: "en",
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

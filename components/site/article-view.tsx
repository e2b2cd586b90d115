import type { PublicArticle } from "@/server/public/dto";
import { ChangeHistory, LatestUpdate, WithdrawalNotice } from "./article-notices";
import { DateText } from "./date-text";
import { RecommendedList } from "./recommended-list";
import { ResponsiveImage } from "./responsive-image";
import { Signatories } from "./signatories";

/**
 * The public article page body, and the staff and link previews: all three pass the one
 * DTO (server/public/to-public-article.ts), hero and Recommended list included. The HTML
 * was rendered and sanitized on the server (lib/content).
 */
export function ArticleView({ article }: { article: PublicArticle }) {
  const { hero, recommended } = article;
  return (
    <>
      <article className="article">
        {article.withdrawal && <WithdrawalNotice withdrawal={article.withdrawal} />}
        <header className="article-header">
          <p className="category-label">
            <a href={`/category/${article.category.slug}`}>{article.category.name}</a>
          </p>
          <h1>{article.title}</h1>
          <p className="article-date">
            <DateText date={article.datelineDate} />
          </p>
          <LatestUpdate changes={article.changes} />
        </header>
        {hero && <ResponsiveImage image={hero} priority />}
        <div className="article-body" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
        {article.signatories.length > 0 && (
          <footer className="article-footer">
            <p className="article-dateline">
              <DateText date={article.datelineDate} />
            </p>
            <Signatories signatories={article.signatories} />
          </footer>
        )}
        <ChangeHistory article={article} />
      </article>
      <RecommendedList items={recommended} />
    </>
  );
}

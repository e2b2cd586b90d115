import type { PublicArticleSummary } from "@/server/public/dto";
import { DateText } from "./date-text";

export function ArticleList({ items, showCategory = true }: { items: PublicArticleSummary[]; showCategory?: boolean }) {
  return (
    <ol className="article-list">
      {items.map((item) => (
        <li key={item.slug}>
          <article className="article-card">
            {showCategory && (
              <p className="category-label">
                <a href={`/category/${item.category.slug}`}>{item.category.name}</a>
              </p>
            )}
            <h2 className="article-card-title">
              <a href={`/news/${item.slug}`}>{item.title}</a>
            </h2>
            <p className="article-card-date">
              <DateText date={item.datelineDate} />
            </p>
            {item.summary && <p className="article-card-summary">{item.summary}</p>}
          </article>
        </li>
      ))}
    </ol>
  );
}

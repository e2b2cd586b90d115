import Link from "next/link";
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
                <Link href={`/category/${item.category.slug}`}>{item.category.name}</Link>
              </p>
            )}
            <h2 className="article-card-title">
              <Link href={`/news/${item.slug}`}>{item.title}</Link>
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

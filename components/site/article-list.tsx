import { env } from "@/lib/env";
import { localizedPath, type LanguageInfo } from "@/lib/languages";
import type { PublicArticleSummary } from "@/server/public/dto";
import { DateText } from "./date-text";

/** A listing of one language's items: links stay in that language's part of the site. */
export function ArticleList({
  items,
  language,
  showCategory = true,
}: {
  items: PublicArticleSummary[];
  language: LanguageInfo;
  showCategory?: boolean;
}) {
  const languages = env().SITE_LANGUAGES;
  const href = (path: string) => localizedPath(languages, language.code, path);
  return (
    <ol className="article-list">
      {items.map((item) => (
        <li key={item.slug}>
          <article className="article-card">
            {showCategory && (
              <p className="category-label">
                <a href={href(`/category/${item.category.slug}`)}>{item.category.name}</a>
              </p>
            )}
            {/* An item lives under its own language's prefix; words in another language than the page's say so. */}
            <h2 className="article-card-title" lang={item.language !== language.code ? item.language : undefined}>
              <a
                href={localizedPath(languages, item.language, `/news/${item.slug}`)}
                hrefLang={item.language !== language.code ? item.language : undefined}
              >
                {item.title}
              </a>
            </h2>
            <p className="article-card-date">
              <DateText date={item.datelineDate} language={language} />
            </p>
            {item.summary && (
              <p className="article-card-summary" lang={item.language !== language.code ? item.language : undefined}>
                {item.summary}
              </p>
            )}
          </article>
        </li>
      ))}
    </ol>
  );
}

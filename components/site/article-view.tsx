import { env } from "@/lib/env";
import { KNOWN_LANGUAGES, localizedPath, type LanguageInfo } from "@/lib/languages";
import type { PublicArticle } from "@/server/public/dto";
import { ChangeHistory, LatestUpdate, OutOfDateNotice, WithdrawalNotice } from "./article-notices";
import { DateText } from "./date-text";
import { RecommendedList } from "./recommended-list";
import { ResponsiveImage } from "./responsive-image";
import { Signatories } from "./signatories";

/** The LanguageInfo of an article's words: the staff previews have no page language of their own. */
export function languageOfArticle(article: Pick<PublicArticle, "language">): LanguageInfo {
  const languages = env().SITE_LANGUAGES;
  return languages.find((l) => l.code === article.language) ?? KNOWN_LANGUAGES.find((l) => l.code === article.language) ?? languages[0]!;
}

/**
 * The public article page body, and the staff and link previews: all three pass the one
 * DTO (server/public/to-public-article.ts), hero and Recommended list included. The HTML
 * was rendered and sanitized on the server (lib/content). The chrome is in `language` (the
 * page's); without one, in the article's own.
 */
export function ArticleView({ article, language }: { article: PublicArticle; language?: LanguageInfo }) {
  const { hero, recommended } = article;
  const lang = language ?? languageOfArticle(article);
  // Words in another language than the page's carry their own lang (WCAG 3.1.2).
  const wordsLang = article.language !== lang.code ? article.language : undefined;
  const href = (path: string) => localizedPath(env().SITE_LANGUAGES, lang.code, path);
  return (
    <>
      <article className="article">
        {article.withdrawal && <WithdrawalNotice withdrawal={article.withdrawal} language={lang} />}
        {article.outOfDate && <OutOfDateNotice outOfDate={article.outOfDate} language={lang} />}
        <header className="article-header">
          <p className="category-label">
            <a href={href(`/category/${article.category.slug}`)}>{article.category.name}</a>
          </p>
          <h1 lang={wordsLang}>{article.title}</h1>
          <p className="article-date">
            <DateText date={article.datelineDate} language={lang} />
          </p>
          <LatestUpdate changes={article.changes} language={lang} />
        </header>
        {hero && <ResponsiveImage image={hero} priority />}
        <div className="article-body" lang={wordsLang} dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
        {article.signatories.length > 0 && (
          <footer className="article-footer">
            <p className="article-dateline">
              <DateText date={article.datelineDate} language={lang} />
            </p>
            <Signatories signatories={article.signatories} language={lang} />
          </footer>
        )}
        <ChangeHistory article={article} language={lang} />
      </article>
      <RecommendedList items={recommended} language={lang} />
    </>
  );
}

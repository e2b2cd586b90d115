import type { ReactNode } from "react";
import { env, siteName } from "@/lib/env";
import { feedPaths } from "@/lib/feeds/links";
import { messagesFor } from "@/lib/i18n";
import { localizedPath, type LanguageInfo } from "@/lib/languages";
import { listCategories } from "@/server/public/news";
import { pageLanguage } from "@/server/public/page-language";
import { SiteSearchForm } from "./site-search-form";

/**
 * Header, landmarks and footer of every public page, the 404 page included, in the page's
 * language. A shell outside the site's layout (the preview link page) names its main
 * differently: the site's pages it links to can stay in the same document, hidden, with theirs.
 * `languageSwitcher` is the header's link to this page in the other languages (./language-switcher.tsx).
 */
export async function SiteShell({
  children,
  mainId = "main",
  language,
  languageSwitcher,
}: {
  children: ReactNode;
  mainId?: string;
  language?: LanguageInfo;
  languageSwitcher?: ReactNode;
}) {
  const lang = language ?? (await pageLanguage());
  // Named in the page's language (categories.translations), by the read model.
  const categories = await listCategories({ language: lang.code });
  const { SITE_LANGUAGES } = env();
  const site = siteName(lang.code);
  // SITE_NAME written in another language than the page's says so (WCAG 3.1.2).
  const siteLang = site.language === lang.code ? undefined : site.language;
  const m = messagesFor(lang.code).shell;
  const href = (path: string) => localizedPath(SITE_LANGUAGES, lang.code, path);
  return (
    <>
      <a className="skip-link" href={`#${mainId}`}>
        {m.skipLink}
      </a>
      <header className="site-header">
        <div className="wrap">
          <p className="site-name">
            <a href={href("/")} lang={siteLang}>
              {site.name}
            </a>
          </p>
          {languageSwitcher}
          <SiteSearchForm language={lang} />
          <nav aria-label={m.categoriesNav}>
            <ul className="category-nav">
              {categories.map((c) => (
                <li key={c.slug}>
                  <a href={href(`/category/${c.slug}`)}>{c.name}</a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id={mainId} tabIndex={-1} className="wrap">
        {children}
      </main>
      <footer className="site-footer">
        <div className="wrap">
          <nav aria-label={m.footerNav}>
            <ul className="footer-links">
              <li>
                <a href={href("/")}>{m.latestNews}</a>
              </li>
              <li>
                <a href={href("/archive")}>{m.archive}</a>
              </li>
              <li>
                <a href={href("/search")}>{m.search}</a>
              </li>
              <li>
                {/* The feed of this language's news (lib/feeds/links.ts puts it under the language's prefix). */}
                <a href={feedPaths(undefined, lang.code, SITE_LANGUAGES).rss} type="application/rss+xml">
                  {m.rssFeed}
                </a>
              </li>
              <li>
                <a href={href("/subscribe")}>{m.emailAlerts}</a>
              </li>
            </ul>
          </nav>
          <p>
            © <span lang={siteLang}>{site.name}</span>
          </p>
        </div>
      </footer>
    </>
  );
}

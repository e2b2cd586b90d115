import type { ReactNode } from "react";
import { env } from "@/lib/env";
import { feedPaths } from "@/lib/feeds/links";
import { listCategories } from "@/server/public/news";
import { SiteSearchForm } from "./site-search-form";

/**
 * Header, landmarks and footer of every public page, the 404 page included. A shell outside the
 * site's layout (the preview link page) names its main differently: the site's pages it links
 * to can stay in the same document, hidden, with theirs.
 */
export async function SiteShell({ children, mainId = "main" }: { children: ReactNode; mainId?: string }) {
  const categories = await listCategories();
  const { SITE_NAME } = env();
  return (
    <>
      <a className="skip-link" href={`#${mainId}`}>
        Skip to main content
      </a>
      <header className="site-header">
        <div className="wrap">
          <p className="site-name">
            <a href="/">{SITE_NAME}</a>
          </p>
          <SiteSearchForm />
          <nav aria-label="Categories">
            <ul className="category-nav">
              {categories.map((c) => (
                <li key={c.slug}>
                  <a href={`/category/${c.slug}`}>{c.name}</a>
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
          <nav aria-label="Footer">
            <ul className="footer-links">
              <li>
                <a href="/">Latest news</a>
              </li>
              <li>
                <a href="/archive">Archive</a>
              </li>
              <li>
                <a href="/search">Search</a>
              </li>
              <li>
                <a href={feedPaths().rss} type="application/rss+xml">
                  RSS feed
                </a>
              </li>
            </ul>
          </nav>
          <p>© {SITE_NAME}</p>
        </div>
      </footer>
    </>
  );
}

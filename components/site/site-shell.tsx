import Link from "next/link";
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
            <Link href="/">{SITE_NAME}</Link>
          </p>
          <SiteSearchForm />
          <nav aria-label="Categories">
            <ul className="category-nav">
              {categories.map((c) => (
                <li key={c.slug}>
                  <Link href={`/category/${c.slug}`}>{c.name}</Link>
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
                <Link href="/">Latest news</Link>
              </li>
              <li>
                <Link href="/archive">Archive</Link>
              </li>
              <li>
                <Link href="/search">Search</Link>
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

import Link from "next/link";
import type { ReactNode } from "react";
import { env } from "@/lib/env";
import { listCategories } from "@/server/public-news";

/** Header, landmarks and footer of every public page, the 404 page included. */
export async function SiteShell({ children }: { children: ReactNode }) {
  const categories = await listCategories();
  const { SITE_NAME } = env();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="site-header">
        <div className="wrap">
          <p className="site-name">
            <Link href="/">{SITE_NAME}</Link>
          </p>
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
      <main id="main" tabIndex={-1} className="wrap">
        {children}
      </main>
      <footer className="site-footer">
        <div className="wrap">
          <p>
            <Link href="/">Latest news</Link>
          </p>
          <p>© {SITE_NAME}</p>
        </div>
      </footer>
    </>
  );
}

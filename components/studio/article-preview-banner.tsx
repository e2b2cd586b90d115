import type { ReactNode } from "react";

/**
 * Marks a page as a preview, in words first: a named note that assistive
 * technology announces, styled so nobody mistakes it for the public page.
 * Styles: app/preview/preview.css, imported by both preview pages.
 */
export function ArticlePreviewBanner({ children }: { children: ReactNode }) {
  return (
    <div className="preview-banner" role="note" aria-label="Preview notice">
      <p>
        <strong>Preview — not public.</strong>
      </p>
      {children}
    </div>
  );
}

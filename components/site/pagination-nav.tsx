import { messagesFor } from "@/lib/i18n";
import type { LanguageInfo } from "@/lib/languages";
import { pageHref } from "@/lib/pagination";

/** `basePath` is the listing's address in the page's language ("/ja/category/x"). */
export function PaginationNav({
  basePath,
  page,
  totalPages,
  language,
}: {
  basePath: string;
  page: number;
  totalPages: number;
  language: LanguageInfo;
}) {
  if (totalPages <= 1) return null;
  const m = messagesFor(language.code).pagination;
  return (
    <nav className="pagination" aria-label={m.nav}>
      {page > 1 ? (
        <a href={pageHref(basePath, page - 1)} rel="prev">
          {m.newer}
        </a>
      ) : (
        <span />
      )}
      <span aria-current="page">{m.pageOf(page, totalPages)}</span>
      {page < totalPages ? (
        <a href={pageHref(basePath, page + 1)} rel="next">
          {m.older}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

import { pageHref } from "@/lib/pagination";

export function PaginationNav({ basePath, page, totalPages }: { basePath: string; page: number; totalPages: number }) {
  if (totalPages <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 ? (
        <a href={pageHref(basePath, page - 1)} rel="prev">
          ← Newer news
        </a>
      ) : (
        <span />
      )}
      <span aria-current="page">
        Page {page} of {totalPages}
      </span>
      {page < totalPages ? (
        <a href={pageHref(basePath, page + 1)} rel="next">
          Older news →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

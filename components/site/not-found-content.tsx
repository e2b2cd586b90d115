import { notFound } from "next/navigation";
import { Suspense } from "react";
import { listCategories } from "@/server/public/news";
import { SiteSearchForm } from "./site-search-form";

/** The helpful 404: what may have happened, and where to go instead. */
export async function NotFoundContent() {
  const categories = await listCategories();
  return (
    <div className="not-found">
      <h1>Page not found</h1>
      <p>There is no published news item at this address. It may have been mistyped, or the item may not be published yet.</p>
      <SiteSearchForm id="not-found-search" label="Search the news" />
      <ul>
        <li>
          <a href="/">Read the latest news</a>
        </li>
        <li>
          <a href="/archive">Browse the archive, month by month</a>
        </li>
        {categories.map((c) => (
          <li key={c.slug}>
            <a href={`/category/${c.slug}`}>Browse {c.name}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ThrowNotFound(): never {
  notFound();
}

/**
 * What a public page returns instead of calling notFound(): `if (!article) return <PageNotFound />`.
 * A notFound() thrown while a request renders leaves Next.js with an empty error document
 * (no title, no lang, no text: the 404 page exists only in the script payload, so readers
 * without JavaScript get a blank page). Thrown inside <Suspense>, the answer is still a 404,
 * but the layout around it stays, and React writes the boundary's fallback, this helpful
 * page, into the HTML. With JavaScript the not-found boundary renders the same page.
 */
export function PageNotFound() {
  return (
    <Suspense fallback={<NotFoundContent />}>
      <ThrowNotFound />
    </Suspense>
  );
}

import { Suspense } from "react";
import { notFound } from "next/navigation";
import { env } from "@/lib/env";
import { messagesFor } from "@/lib/i18n";
import { localizedPath } from "@/lib/languages";
import { listCategories } from "@/server/public/news";
import { pageLanguage } from "@/server/public/page-language";
import { SiteSearchForm } from "./site-search-form";

/** The helpful 404, in the page's language: what may have happened, and where to go instead. */
export async function NotFoundContent() {
  const language = await pageLanguage();
  // Named in the page's language (categories.translations), by the read model.
  const categories = await listCategories({ language: language.code });
  const m = messagesFor(language.code).notFound;
  const href = (path: string) => localizedPath(env().SITE_LANGUAGES, language.code, path);
  return (
    <div className="not-found">
      <h1>{m.heading}</h1>
      <p>{m.body}</p>
      <SiteSearchForm id="not-found-search" label={m.searchLabel} language={language} />
      <ul>
        <li>
          <a href={href("/")}>{m.latest}</a>
        </li>
        <li>
          <a href={href("/archive")}>{m.archive}</a>
        </li>
        {categories.map((c) => (
          <li key={c.slug}>
            <a href={href(`/category/${c.slug}`)}>{m.category(c.name)}</a>
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

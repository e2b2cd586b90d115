import { PageNotFound } from "@/components/site/not-found-content";
import type { LanguageInfo } from "@/lib/languages";
import { SitePage } from "./site-page";

/** A public page's 404 in its shell: the switcher leads to the other languages' home pages. */
export function NotFoundPage({ language }: { language: LanguageInfo }) {
  return (
    <SitePage language={language}>
      <PageNotFound />
    </SitePage>
  );
}

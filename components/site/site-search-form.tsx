import { messagesFor } from "@/lib/i18n";
import { localizedPath, type LanguageInfo } from "@/lib/languages";
import { env } from "@/lib/env";
import { MAX_QUERY_LENGTH } from "@/lib/search-query";

/**
 * A small search box: a plain GET form to the page language's /search that works without
 * JavaScript. The header has one; the 404 page has a second, so each needs its own id and name.
 */
export function SiteSearchForm({ id = "site-search", label, language }: { id?: string; label?: string; language: LanguageInfo }) {
  const m = messagesFor(language.code).siteSearch;
  return (
    <form
      className="site-search"
      action={localizedPath(env().SITE_LANGUAGES, language.code, "/search")}
      method="get"
      role="search"
      aria-label={label ?? m.formLabel}
    >
      <label htmlFor={`${id}-q`}>{m.fieldLabel}</label>
      <input id={`${id}-q`} name="q" type="search" maxLength={MAX_QUERY_LENGTH} autoComplete="off" />
      <button type="submit">{m.button}</button>
    </form>
  );
}

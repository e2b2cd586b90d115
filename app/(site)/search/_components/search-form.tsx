import { env } from "@/lib/env";
import { messagesFor } from "@/lib/i18n";
import { localizedPath, type LanguageInfo } from "@/lib/languages";
import { MAX_QUERY_LENGTH } from "@/lib/search-query";
import type { SearchParams } from "@/lib/search-params";
import type { PublicCategory } from "@/server/public/dto";

/** The full search form, filled in with the current search. A plain GET form to this language's /search: no JavaScript needed. */
export function SearchForm({
  values,
  categories,
  language,
}: {
  values: SearchParams;
  categories: PublicCategory[];
  language: LanguageInfo;
}) {
  const m = messagesFor(language.code).search;
  return (
    <form
      className="search-form"
      action={localizedPath(env().SITE_LANGUAGES, language.code, "/search")}
      method="get"
      role="search"
      aria-label={m.formLabel}
    >
      <div className="search-field search-field--query">
        <label htmlFor="search-q">{m.words}</label>
        <input id="search-q" name="q" type="search" defaultValue={values.q} maxLength={MAX_QUERY_LENGTH} />
      </div>
      <fieldset className="search-filters">
        <legend>{m.narrow}</legend>
        <div className="search-field">
          <label htmlFor="search-category">{m.category}</label>
          <select id="search-category" name="category" defaultValue={values.category}>
            <option value="">{m.allCategories}</option>
            {categories.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="search-field">
          <label htmlFor="search-from">{m.from}</label>
          <input id="search-from" name="from" type="date" defaultValue={values.from} aria-describedby="search-date-hint" />
        </div>
        <div className="search-field">
          <label htmlFor="search-to">{m.to}</label>
          <input id="search-to" name="to" type="date" defaultValue={values.to} aria-describedby="search-date-hint" />
        </div>
        <p id="search-date-hint" className="search-hint">
          {m.dateHint}
        </p>
      </fieldset>
      <button type="submit">{m.button}</button>
    </form>
  );
}

import { MessageText } from "@/components/site/message-text";
import { env } from "@/lib/env";
import { messagesFor } from "@/lib/i18n";
import { localizedPath, type LanguageInfo } from "@/lib/languages";
import { searchHref, type SearchParams } from "@/lib/search-params";

/** A problem with the search, or a note about it, with what to do next. */
export function SearchMessage({
  title,
  tone,
  items,
  link,
}: {
  title: string;
  tone: "error" | "info";
  items: string[];
  link?: { href: string; text: string };
}) {
  return (
    <div className={`search-message search-message--${tone}`} role={tone === "error" ? "alert" : "status"}>
      <h2>{title}</h2>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      {link && (
        <p>
          <a href={link.href}>{link.text}</a>
        </p>
      )}
    </div>
  );
}

/** The "no results" page: say so plainly and offer ways on, in the page's language. */
export function NoResults({ values, language }: { values: SearchParams; language: LanguageInfo }) {
  const filtered = Boolean(values.category || values.from || values.to);
  const m = messagesFor(language.code).search;
  const href = (path: string) => localizedPath(env().SITE_LANGUAGES, language.code, path);
  return (
    <section className="search-message search-message--info" aria-labelledby="no-results-heading">
      <h2 id="no-results-heading">{m.noResultsHeading(values.q.trim())}</h2>
      <p>{m.noResultsBody(filtered)}</p>
      <p>{m.youCould}</p>
      <ul>
        <li>{m.trySpelling}</li>
        <li>{m.tryFewerWords}</li>
        {filtered && (
          <li>
            <a href={href(searchHref({ q: values.q }))}>{m.searchEverything}</a>
            {m.listEnd}
          </li>
        )}
        <li>
          <MessageText
            template={m.tryBrowsing}
            slots={{
              archive: <a href={href("/archive")}>{m.archiveLink}</a>,
              latest: <a href={href("/")}>{m.latestLink}</a>,
            }}
          />
        </li>
      </ul>
    </section>
  );
}

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

/** The "no results" page: say so plainly and offer ways on. */
export function NoResults({ values }: { values: SearchParams }) {
  const filtered = Boolean(values.category || values.from || values.to);
  return (
    <section className="search-message search-message--info" aria-labelledby="no-results-heading">
      <h2 id="no-results-heading">No results for “{values.q.trim()}”</h2>
      <p>No published news item contains all of these words{filtered ? " within the filters you chose" : ""}.</p>
      <p>You could:</p>
      <ul>
        <li>check the spelling, or try another form of a word (a name, a place, a topic);</li>
        <li>use fewer words: every word must appear in a result;</li>
        {filtered && (
          <li>
            <a href={searchHref({ q: values.q })}>search all categories and dates</a>;
          </li>
        )}
        <li>
          browse the <a href="/archive">archive, month by month</a>, or the <a href="/">latest news</a>.
        </li>
      </ul>
    </section>
  );
}

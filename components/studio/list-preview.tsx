import { RecommendedList } from "@/components/site/recommended-list";
import { env } from "@/lib/env";
import type { LanguageInfo } from "@/lib/languages";
import type { ResolvedItem } from "@/server/public/recommendations";

/** The list as readers will see it, then which items were picked and which filled from the category. */
/** `readerView` renders the public component (one per page: it carries a fixed heading id); otherwise only the marked list. */
export function ListPreview({
  items,
  heading,
  note,
  readerView = true,
  language = env().SITE_LANGUAGES[0]!,
}: {
  items: ResolvedItem[];
  heading: string;
  note?: string;
  readerView?: boolean;
  /** The language the list serves (its readers' chrome); the site's default language unless given. */
  language?: LanguageInfo;
}) {
  return (
    <section className="list-preview" aria-label={heading}>
      <p>
        <strong>{heading}</strong>
      </p>
      {note && <p className="hint">{note}</p>}
      {items.length === 0 ? <p>Readers would see no list.</p> : readerView && <RecommendedList items={items} language={language} />}
      {items.length > 0 && (
        <>
          <p className="hint">Where each item comes from:</p>
          <ol className="list-sources">
            {items.map((item) => (
              <li key={item.href}>
                {item.title} <span className="source-mark">{item.source === "picked" ? "Picked" : "Filled from category"}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

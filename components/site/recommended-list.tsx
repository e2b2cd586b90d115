import { messagesFor } from "@/lib/i18n";
import type { LanguageInfo } from "@/lib/languages";
import type { PublicRecommendation } from "@/server/public/dto";
import { DateText } from "./date-text";

/** The page language's "Recommended for You" list; its hrefs come ready from the read model. */
export function RecommendedList({ items, language }: { items: PublicRecommendation[]; language: LanguageInfo }) {
  if (items.length === 0) return null;
  return (
    <section className="recommended" aria-labelledby="recommended-heading">
      <h2 id="recommended-heading">{messagesFor(language.code).article.recommended}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.href}>
            {item.external ? (
              <a href={item.href} rel="noopener noreferrer">
                {item.title}
              </a>
            ) : (
              <a href={item.href}>{item.title}</a>
            )}
            <DateText date={item.datelineDate} language={language} />
          </li>
        ))}
      </ul>
    </section>
  );
}

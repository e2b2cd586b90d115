import type { PublicRecommendation } from "@/server/public/dto";
import { DateText } from "./date-text";

export function RecommendedList({ items }: { items: PublicRecommendation[] }) {
  if (items.length === 0) return null;
  return (
    <section className="recommended" aria-labelledby="recommended-heading">
      <h2 id="recommended-heading">Recommended for You</h2>
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
            <DateText date={item.datelineDate} />
          </li>
        ))}
      </ul>
    </section>
  );
}

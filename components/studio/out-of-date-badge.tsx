import { formatTokyoDateTime } from "@/lib/dates";

/**
 * A translation a major change to its source left behind. The words say it; the colour only
 * repeats them. `since` (ISO) goes in the accessible name and the tooltip of the short badge.
 */
export function OutOfDateBadge({ since }: { since: string }) {
  const when = formatTokyoDateTime(since);
  return (
    <span className="out-of-date-badge" title={`Out of date since ${when}`}>
      Out of date<span className="visually-hidden"> since {when}</span>
    </span>
  );
}

/** The language of an item's words, as a small label: staff read the name, the code is for the tooltip. */
export function LanguageBadge({ code, name }: { code: string; name: string }) {
  return (
    <span className="language-tag" title={`Language: ${name} (${code})`}>
      {name}
    </span>
  );
}

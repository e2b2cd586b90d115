import type { PublicArticle } from "@/server/public/dto";
import { DateText } from "./date-text";

/** Withdrawal notice: the item stays readable at its address, with the reason. */
export function WithdrawalNotice({ withdrawal }: { withdrawal: NonNullable<PublicArticle["withdrawal"]> }) {
  return (
    <div className="withdrawal-notice" role="note" aria-label="Withdrawn">
      <p>
        <strong>
          This news item was withdrawn on <DateText date={withdrawal.date} />.
        </strong>
      </p>
      <p>{withdrawal.explanation}</p>
    </div>
  );
}

/** "Updated February 6, 2026: Corrected the meeting date" for the latest major change. */
export function LatestUpdate({ changes }: { changes: PublicArticle["changes"] }) {
  const latest = changes.at(-1);
  if (!latest) return null;
  return (
    <p className="article-updated">
      Updated <DateText date={latest.date} />: {latest.note}
    </p>
  );
}

export function ChangeHistory({ article }: { article: PublicArticle }) {
  if (article.changes.length === 0) return null;
  return (
    <section className="change-history" aria-labelledby="change-history-heading">
      <h2 id="change-history-heading">Change history</h2>
      <ol>
        <li>
          <DateText date={article.firstPublishedAt.slice(0, 10)} />: First published.
        </li>
        {article.changes.map((c, i) => (
          <li key={i}>
            <DateText date={c.date} />: {c.note}
          </li>
        ))}
      </ol>
    </section>
  );
}

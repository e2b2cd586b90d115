import { languageNameIn, messagesFor } from "@/lib/i18n";
import type { LanguageInfo } from "@/lib/languages";
import type { PublicArticle } from "@/server/public/dto";
import { DateText } from "./date-text";
import { MessageText } from "./message-text";

/** Withdrawal notice: the item stays readable at its address, with the reason. */
export function WithdrawalNotice({
  withdrawal,
  language,
}: {
  withdrawal: NonNullable<PublicArticle["withdrawal"]>;
  language: LanguageInfo;
}) {
  const m = messagesFor(language.code).article;
  return (
    <div className="withdrawal-notice" role="note" aria-label={m.withdrawnLabel}>
      <p>
        <strong>
          <MessageText template={m.withdrawn} slots={{ date: <DateText date={withdrawal.date} language={language} /> }} />
        </strong>
      </p>
      <p>{withdrawal.explanation}</p>
    </div>
  );
}

/**
 * On a translation marked out of date: its source had a major change since it was translated.
 * The link leads to the source, in the source's language: hreflang says so, and the source's
 * title carries its own lang.
 */
export function OutOfDateNotice({ outOfDate, language }: { outOfDate: NonNullable<PublicArticle["outOfDate"]>; language: LanguageInfo }) {
  const m = messagesFor(language.code).article;
  const { source, since } = outOfDate;
  const sourceLanguage = languageNameIn(source.language, language.code);
  return (
    <div className="out-of-date-notice" role="note" aria-label={m.outOfDateLabel}>
      <p>
        <MessageText template={m.outOfDate} slots={{ language: sourceLanguage, date: <DateText date={since} language={language} /> }} />{" "}
        <a href={source.path} hrefLang={source.language}>
          <MessageText
            template={m.outOfDateLink}
            slots={{ language: sourceLanguage, title: <span lang={source.language}>{source.title}</span> }}
          />
        </a>
      </p>
    </div>
  );
}

/** "Updated February 6, 2026: Corrected the meeting date" for the latest major change. */
export function LatestUpdate({ changes, language }: { changes: PublicArticle["changes"]; language: LanguageInfo }) {
  const latest = changes.at(-1);
  if (!latest) return null;
  return (
    <p className="article-updated">
      <MessageText
        template={messagesFor(language.code).article.updated}
        slots={{ date: <DateText date={latest.date} language={language} />, note: latest.note }}
      />
    </p>
  );
}

export function ChangeHistory({ article, language }: { article: PublicArticle; language: LanguageInfo }) {
  if (article.changes.length === 0) return null;
  const m = messagesFor(language.code).article;
  const line = (date: string, note: string) => (
    <MessageText template={m.changeLine} slots={{ date: <DateText date={date} language={language} />, note }} />
  );
  return (
    <section className="change-history" aria-labelledby="change-history-heading">
      <h2 id="change-history-heading">{m.changeHistory}</h2>
      <ol>
        <li>{line(article.firstPublishedAt.slice(0, 10), m.firstPublished)}</li>
        {article.changes.map((c, i) => (
          <li key={i}>{line(c.date, c.note)}</li>
        ))}
      </ol>
    </section>
  );
}

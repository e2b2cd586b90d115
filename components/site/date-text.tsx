import { formatDateline, type DateLanguage } from "@/lib/dates";

/**
 * A dateline as readers see it ("February 5, 2026", "2026年2月5日" on a Japanese page),
 * machine-readable for assistive tech and crawlers. Without a language, English.
 */
export function DateText({ date, language }: { date: string; language?: DateLanguage }) {
  return <time dateTime={date}>{formatDateline(date, language)}</time>;
}

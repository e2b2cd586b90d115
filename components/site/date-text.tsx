import { formatDateline } from "@/lib/dates";

/** A dateline as readers see it ("February 5, 2026"), machine-readable for assistive tech and crawlers. */
export function DateText({ date }: { date: string }) {
  return <time dateTime={date}>{formatDateline(date)}</time>;
}

/** Newsroom dates are Tokyo dates: datelines are calendar days in Asia/Tokyo. */
export const NEWSROOM_TIME_ZONE = "Asia/Tokyo";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Just what date formatting needs of a LanguageInfo (lib/languages.ts). */
export type DateLanguage = { dateLocale: string };

const ENGLISH: DateLanguage = { dateLocale: "en-US" };

// Intl formatters are costly to build and every listing formats dozens of dates: one per locale and shape.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(locale: string, shape: "day" | "month"): Intl.DateTimeFormat {
  const key = `${locale}|${shape}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      shape === "day"
        ? { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }
        : { year: "numeric", month: "long", timeZone: "UTC" };
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

/**
 * "2026-02-05" -> "February 5, 2026", as the governor's pages write dates; in the page's
 * language when one is given ("2026年2月5日" for Japanese). Without one, English, as before.
 */
export function formatDateline(isoDate: string, language: DateLanguage = ENGLISH): string {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new Error(`Not a YYYY-MM-DD date: ${isoDate}`);
  return formatterFor(language.dateLocale, "day").format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

/** A calendar month, { year: 2026, month: 2 } -> "February 2026" / "2026年2月". */
export function formatMonth({ year, month }: { year: number; month: number }, language: DateLanguage = ENGLISH): string {
  return formatterFor(language.dateLocale, "month").format(new Date(Date.UTC(year, month - 1, 1)));
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** "February 5, 2026" -> "2026-02-05"; null when the text is not such a date. */
export function parseLongDate(text: string): string | null {
  const m = /^([A-Za-z]+)\s+(\d{1,2}),\s*(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const month = MONTHS.indexOf(m[1]!.toLowerCase());
  if (month < 0) return null;
  const iso = `${m[3]}-${String(month + 1).padStart(2, "0")}-${m[2]!.padStart(2, "0")}`;
  return isIsoDate(iso) ? iso : null;
}

const tokyoParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: NEWSROOM_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** An instant written in Tokyo time with its offset: "2026-02-05T10:00:00+09:00". */
export function toTokyoIsoString(instant: Date): string {
  const p = Object.fromEntries(tokyoParts.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}+09:00`;
}

/** The Tokyo calendar day of an instant, "YYYY-MM-DD". */
export function tokyoDateOf(instant: Date): string {
  return toTokyoIsoString(instant).slice(0, 10);
}

/** Noon in Tokyo on a calendar day: a stable instant for items that only have a dateline. */
export function tokyoNoonOf(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00+09:00`);
}

const TOKYO_DATE_TIME: Intl.DateTimeFormatOptions = {
  timeZone: NEWSROOM_TIME_ZONE,
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
};
const tokyoDateTime = new Intl.DateTimeFormat("en-GB", TOKYO_DATE_TIME);
const tokyoDateTimeSeconds = new Intl.DateTimeFormat("en-GB", { ...TOKYO_DATE_TIME, second: "2-digit" });

/** For telling apart saves made in the same minute: "5 Feb 2026, 14:02:37 JST". */
export function formatTokyoDateTimeSeconds(instant: Date | string): string {
  return `${tokyoDateTimeSeconds.format(new Date(instant))} JST`;
}

/** For staff: "5 Feb 2026, 14:02 JST". */
export function formatTokyoDateTime(instant: Date | string): string {
  return `${tokyoDateTime.format(new Date(instant))} JST`;
}

const tokyoTime = new Intl.DateTimeFormat("en-GB", { timeZone: NEWSROOM_TIME_ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** "14:02" in Tokyo. */
export function formatTokyoTime(instant: Date | string): string {
  return tokyoTime.format(new Date(instant));
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;
const two = (n: number) => String(n).padStart(2, "0");

/**
 * An instant as RSS 2.0 writes dates (RFC 822, four-digit year), in Tokyo time:
 * "Thu, 05 Feb 2026 12:00:00 +0900". Japan has kept +09:00 without daylight saving
 * since 1951, so shifting by the fixed offset is exact.
 */
export function toTokyoRfc822(instant: Date): string {
  const t = new Date(instant.getTime() + TOKYO_OFFSET_MS);
  return (
    `${DAYS[t.getUTCDay()]}, ${two(t.getUTCDate())} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()} ` +
    `${two(t.getUTCHours())}:${two(t.getUTCMinutes())}:${two(t.getUTCSeconds())} +0900`
  );
}

import { z } from "zod";

/** "2026-02-06T09:30" entered in the studio means 09:30 in Tokyo (UTC+9, no daylight saving). */
export const tokyoLocalDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Give the date and time as YYYY-MM-DDTHH:MM (Tokyo time)")
  .transform((value, ctx) => {
    const instant = new Date(`${value}:00+09:00`);
    if (Number.isNaN(instant.getTime())) {
      ctx.addIssue({ code: "custom", message: "That date and time does not exist" });
      return z.NEVER;
    }
    return instant;
  });

/** The studio's datetime-local value for an instant, in Tokyo time. */
export function toTokyoLocalInput(instant: Date): string {
  return new Date(instant.getTime() + 9 * 3_600_000).toISOString().slice(0, 16);
}

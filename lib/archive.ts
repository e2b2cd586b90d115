import { z } from "zod";

/** Archive months are Tokyo calendar months: /archive/2026/02. */

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export const archiveParamsSchema = z
  .object({
    year: z
      .string()
      .regex(/^(19|20|21)\d{2}$/)
      .transform(Number),
    month: z
      .string()
      .regex(/^(0[1-9]|1[0-2])$/)
      .transform(Number),
  })
  .strict();

export type ArchiveMonth = { year: number; month: number };

/** Route params -> a month, or null for anything that is not /archive/YYYY/MM. */
export function parseArchiveParams(params: unknown): ArchiveMonth | null {
  const parsed = archiveParamsSchema.safeParse(params);
  return parsed.success ? parsed.data : null;
}

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;

/** The instants [start, end) of a Tokyo calendar month, in epoch milliseconds. */
export function tokyoMonthRange({ year, month }: ArchiveMonth): { start: number; end: number } {
  return {
    start: Date.UTC(year, month - 1, 1) - TOKYO_OFFSET_MS,
    end: Date.UTC(year, month, 1) - TOKYO_OFFSET_MS,
  };
}

export const monthKey = ({ year, month }: ArchiveMonth) => `${year}-${String(month).padStart(2, "0")}`;

export function parseMonthKey(key: string): ArchiveMonth | null {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  return m ? parseArchiveParams({ year: m[1], month: m[2] }) : null;
}

export const archiveMonthPath = ({ year, month }: ArchiveMonth) => `/archive/${year}/${String(month).padStart(2, "0")}`;

export const monthLabel = ({ year, month }: ArchiveMonth) => `${MONTH_NAMES[month - 1]} ${year}`;

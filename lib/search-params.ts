import { z } from "zod";
import { isIsoDate } from "./dates";
import { SLUG_PATTERN } from "./slug";

/**
 * The query string of /search, validated field by field so one bad value gets a
 * message of its own instead of an error page. Unknown parameters are ignored.
 */

type RawParams = Record<string, string | string[] | undefined>;

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

const dateField = (label: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === "" || isIsoDate(v), `The ${label} date must be a real date written YYYY-MM-DD, such as 2026-02-05.`);

const fields = {
  q: z.string(),
  category: z
    .string()
    .trim()
    .refine((v) => v === "" || (v.length <= 120 && SLUG_PATTERN.test(v)), "That category does not exist."),
  from: dateField("“from”"),
  to: dateField("“to”"),
  page: z
    .string()
    .trim()
    .refine((v) => v === "" || /^[1-9]\d{0,3}$/.test(v), "The page must be a whole number from 1 to 9999."),
};

export type SearchParams = { q: string; category: string; from: string; to: string; page: number };

export type ParsedSearchParams = { values: SearchParams; errors: string[] };

export function parseSearchParams(raw: RawParams): ParsedSearchParams {
  const errors: string[] = [];
  const read = <K extends keyof typeof fields>(key: K): string => {
    const parsed = fields[key].safeParse(single(raw[key]));
    if (parsed.success) return parsed.data;
    errors.push(parsed.error.issues[0]?.message ?? `The ${key} parameter is not valid.`);
    return "";
  };
  const values = {
    q: read("q"),
    category: read("category"),
    from: read("from"),
    to: read("to"),
    page: Number(read("page") || "1"),
  };
  if (values.from && values.to && values.from > values.to) {
    errors.push("The “from” date is after the “to” date. Swap them to search that period.");
  }
  return { values, errors };
}

/** The query string for a search, leaving out empty fields and page 1. */
export function searchHref(values: Partial<SearchParams>): string {
  const params = new URLSearchParams();
  for (const key of ["q", "category", "from", "to"] as const) {
    const v = values[key];
    if (v) params.set(key, v);
  }
  if (values.page && values.page > 1) params.set("page", String(values.page));
  const qs = params.toString();
  return qs ? `/search?${qs}` : "/search";
}

import { z } from "zod";

export const PAGE_SIZE = 20;

/** A page segment from a URL: digits only, no leading zero, within reason. */
export const pageParamSchema = z
  .string()
  .regex(/^[1-9]\d{0,5}$/)
  .transform(Number);

export function parsePageParam(raw: string): number | null {
  const parsed = pageParamSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export function pageCount(total: number, pageSize = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** Page 1 lives at the bare URL; the others under /page/N, as feed readers and crawlers expect. */
export function pageHref(basePath: string, page: number): string {
  if (page <= 1) return basePath;
  return `${basePath === "/" ? "" : basePath}/page/${page}`;
}

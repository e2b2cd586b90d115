/**
 * Media ids (and description versions) arrive as text from URLs and forms.
 * Only plain decimal digits count: Number() would turn "abc" into NaN (and a
 * 500 further on) and "0x1" or "1e0" into image 1.
 */
const WHOLE_NUMBER = /^[1-9][0-9]{0,14}$/;

export function parseMediaId(raw: unknown): number | null {
  return typeof raw === "string" && WHOLE_NUMBER.test(raw) ? Number(raw) : null;
}

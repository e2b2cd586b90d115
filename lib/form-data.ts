/**
 * FormData as a plain object for zod: React's own `$ACTION…` fields are
 * dropped, empty strings become undefined, repeated keys keep the last value.
 */
export function formDataToObject(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string" || value === "") continue;
    out[key] = value;
  }
  return out;
}

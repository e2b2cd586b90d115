import { z } from "zod";
import { SUBSCRIPTION_FIELDS, SUBSCRIPTION_PROBLEMS } from "./subscription-input";

/**
 * A refused subscription form goes back to the reader with their values and what was wrong,
 * without JavaScript: the POST answers 303 to the form's page, and the values travel in a
 * short-lived cookie rather than the address, so an e-mail address never lands in a URL
 * (browser history, proxy logs). Only this browser ever holds it, and the pages that read it are
 * `private, no-store`. What is read back is checked here: problem keys from a fixed list, values
 * as plain strings, shown as React text.
 */
export const FLASH_COOKIE = "koho_subscription_form";
export const FLASH_MAX_AGE_SECONDS = 600;

export const FLASH_PROBLEMS = [...SUBSCRIPTION_PROBLEMS, "tooManyForAddress", "tooManyFromClient"] as const;
export type FlashProblem = (typeof FLASH_PROBLEMS)[number];
export const FLASH_FIELDS = [...SUBSCRIPTION_FIELDS, "form"] as const;
export type FlashField = (typeof FLASH_FIELDS)[number];

const flashSchema = z.object({
  values: z.object({
    email: z.string().max(400).optional(),
    language: z.string().max(20).optional(),
    scope: z.enum(["all", "chosen"]).optional(),
    categories: z.array(z.number().int()).max(200).optional(),
    frequency: z.string().max(20).optional(),
    digestHour: z.string().max(4).optional(),
  }),
  problems: z.partialRecord(z.enum(FLASH_FIELDS), z.enum(FLASH_PROBLEMS)),
});
export type SubscriptionFlash = z.output<typeof flashSchema>;

/** The values a reader typed, as the form shows them again. */
export function flashValues(form: FormData): SubscriptionFlash["values"] {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v.slice(0, name === "email" ? 400 : 20) : undefined;
  };
  const scope = text("scope");
  return {
    email: text("email"),
    language: text("language"),
    scope: scope === "chosen" || scope === "all" ? scope : undefined,
    categories: form
      .getAll("category")
      .slice(0, 200)
      .map((v) => (typeof v === "string" && /^\d{1,9}$/.test(v) ? Number(v) : 0))
      .filter((n) => n > 0),
    frequency: text("frequency"),
    digestHour: text("digestHour"),
  };
}

export function encodeFlash(flash: SubscriptionFlash): string {
  return Buffer.from(JSON.stringify(flash), "utf8").toString("base64url");
}

export function decodeFlash(raw: string | undefined): SubscriptionFlash | null {
  if (!raw || raw.length > 8_000) return null;
  try {
    const parsed = flashSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

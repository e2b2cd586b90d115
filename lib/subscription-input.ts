import { z } from "zod";
import { SUBSCRIPTION_FREQUENCIES } from "./vocabulary";

/**
 * What a reader sends to subscribe or to change their e-mail alerts. Errors are problem keys
 * ("emailInvalid"), not sentences: the form shows each in the page's language
 * (lib/i18n/messages/*.ts, `subscribe.errors`), and the command's own message is the English one.
 */
export const EMAIL_MAX = 254;
export const DEFAULT_DIGEST_HOUR = 8;
/** More than the site has categories, and few enough that a forged form stays small. */
export const MAX_CHOSEN_CATEGORIES = 200;

export const SUBSCRIPTION_PROBLEMS = [
  "emailMissing",
  "emailTooLong",
  "emailInvalid",
  "language",
  "categoriesNone",
  "categoriesUnknown",
  "frequency",
  "digestHour",
] as const;
export type SubscriptionProblem = (typeof SUBSCRIPTION_PROBLEMS)[number];
/** The form's fields, in the order the error summary lists them. */
export const SUBSCRIPTION_FIELDS = ["email", "language", "categories", "frequency", "digestHour"] as const;
export type SubscriptionField = (typeof SUBSCRIPTION_FIELDS)[number];

/** Trimmed and lower-cased: one address is one subscriber however it was typed. */
export function normalizeEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

export const emailSchema = z
  .string({ error: "emailMissing" satisfies SubscriptionProblem })
  .transform(normalizeEmail)
  .pipe(
    z
      .string()
      .min(1, "emailMissing" satisfies SubscriptionProblem)
      .max(EMAIL_MAX, "emailTooLong" satisfies SubscriptionProblem)
      .pipe(z.email("emailInvalid" satisfies SubscriptionProblem)),
  );

export const preferencesSchema = z
  .object({
    language: z.string({ error: "language" satisfies SubscriptionProblem }).regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, "language"),
    categories: z.union(
      [
        z.literal("all"),
        z
          .array(z.number().int().positive(), { error: "categoriesUnknown" satisfies SubscriptionProblem })
          .min(1, "categoriesNone" satisfies SubscriptionProblem)
          .max(MAX_CHOSEN_CATEGORIES, "categoriesUnknown" satisfies SubscriptionProblem),
      ],
      { error: "categoriesNone" satisfies SubscriptionProblem },
    ),
    frequency: z.enum(SUBSCRIPTION_FREQUENCIES, { error: "frequency" satisfies SubscriptionProblem }),
    digestHour: z
      .number({ error: "digestHour" satisfies SubscriptionProblem })
      .int("digestHour")
      .min(0, "digestHour")
      .max(23, "digestHour"),
  })
  .strict();

export const subscribeSchema = preferencesSchema.extend({ email: emailSchema }).strict();

export type SubscriptionPreferences = z.output<typeof preferencesSchema>;
export type SubscribeInput = z.output<typeof subscribeSchema>;

/** A form's fields as the schema takes them: categories from the "scope" radio and the repeated "category" boxes. */
export function subscriptionFormInput(form: FormData, { withEmail }: { withEmail: boolean }): Record<string, unknown> {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const chosen = form
    .getAll("category")
    .filter((v): v is string => typeof v === "string")
    .slice(0, MAX_CHOSEN_CATEGORIES + 1)
    .map((v) => (/^\d{1,9}$/.test(v) ? Number(v) : -1));
  const hour = text("digestHour");
  const frequency = text("frequency");
  const input: Record<string, unknown> = {
    language: text("language"),
    categories: text("scope") === "chosen" ? [...new Set(chosen)] : "all",
    frequency,
    // Only a digest has an hour; an immediate subscriber keeps the default for a later switch.
    digestHour: hour !== undefined && /^\d{1,2}$/.test(hour) ? Number(hour) : frequency === "daily" ? hour : DEFAULT_DIGEST_HOUR,
  };
  if (withEmail) input.email = text("email") ?? "";
  return input;
}

/** The first problem of each field, from a failed parse. */
export function subscriptionProblems(error: z.ZodError): Partial<Record<SubscriptionField, SubscriptionProblem>> {
  const out: Partial<Record<SubscriptionField, SubscriptionProblem>> = {};
  for (const issue of error.issues) {
    const field = (SUBSCRIPTION_FIELDS as readonly string[]).includes(String(issue.path[0])) ? (issue.path[0] as SubscriptionField) : null;
    const problem = (SUBSCRIPTION_PROBLEMS as readonly string[]).includes(issue.message) ? (issue.message as SubscriptionProblem) : null;
    if (field && problem) out[field] ??= problem;
    else if (field)
      out[field] ??= field === "email" ? "emailInvalid" : field === "categories" ? "categoriesUnknown" : (field as SubscriptionProblem);
  }
  return out;
}

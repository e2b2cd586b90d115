import { AppError } from "@/lib/errors";
import { messagesFor } from "@/lib/i18n";
import { subscriptionFormInput } from "@/lib/subscription-input";
import {
  backToForm,
  clearFlash,
  languagePath,
  plainAnswer,
  readForm,
  requestLanguage,
  seeOther,
} from "@/server/subscriptions/form-responses";
import { updatePreferences } from "@/server/subscriptions/preferences";

/** The manage form's POST (proxy.ts sends POSTs to /email/manage/<token> here): 303 to the page, saved or with what was wrong. */
export async function POST(request: Request, { params }: RouteContext<"/email/manage/[token]/submit">) {
  const { token } = await params;
  const language = requestLanguage(request);
  const page = languagePath(language, `/email/manage/${encodeURIComponent(token)}`);
  const form = await readForm(request);
  const m = messagesFor(language).subscribe;
  if (!form) return plainAnswer(400, language, m.problemTitle, m.errors.frequency);
  try {
    await updatePreferences(token, subscriptionFormInput(form, { withEmail: false }));
  } catch (error) {
    // The page itself says the link no longer works.
    if (AppError.from(error).type === "not_found") return seeOther(page);
    return backToForm(page, form, error, language);
  }
  return seeOther(`${page}?saved=1`, clearFlash());
}

import { clientIp } from "@/server/auth/request-ip";
import {
  backToForm,
  clearFlash,
  languagePath,
  plainAnswer,
  readForm,
  requestLanguage,
  seeOther,
} from "@/server/subscriptions/form-responses";
import { subscribe } from "@/server/subscriptions/subscribe";
import { messagesFor } from "@/lib/i18n";
import { subscriptionFormInput } from "@/lib/subscription-input";

/** The subscribe form's POST (app/(site)/subscribe/page.tsx): 303 to "check your inbox", or back to the form. */
export async function POST(request: Request) {
  const language = requestLanguage(request);
  const form = await readForm(request);
  const m = messagesFor(language).subscribe;
  if (!form) return plainAnswer(400, language, m.problemTitle, m.errors.emailMissing);
  try {
    await subscribe(subscriptionFormInput(form, { withEmail: true }), { ip: clientIp(request.headers) });
  } catch (error) {
    return backToForm(languagePath(language, "/subscribe"), form, error, language);
  }
  return seeOther(languagePath(language, "/subscribe/check-inbox"), clearFlash());
}

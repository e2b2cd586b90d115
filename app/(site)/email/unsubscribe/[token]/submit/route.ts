import { AppError } from "@/lib/errors";
import { messagesFor } from "@/lib/i18n";
import { languagePath, plainAnswer, readForm, requestLanguage, seeOther } from "@/server/subscriptions/form-responses";
import { unsubscribe } from "@/server/subscriptions/preferences";

/**
 * A POST to /email/unsubscribe/<token> (proxy.ts sends it here): the List-Unsubscribe address of
 * every message. A mail client's RFC 8058 one-click POST (`List-Unsubscribe=One-Click`, no
 * cookie, no Origin, no page) gets 200 and a short page; the unsubscribe page's own button
 * (`from=page`) a 303 to the page saying it is done. The token is the only credential, so
 * there is nothing for a CSRF check to protect: whoever holds the link may end the alerts.
 */
export async function POST(request: Request, { params }: RouteContext<"/email/unsubscribe/[token]/submit">) {
  const { token } = await params;
  const form = await readForm(request);
  const fromPage = form?.get("from") === "page";
  const pageLanguage = requestLanguage(request);
  let language = pageLanguage;
  try {
    language = (await unsubscribe(token)).language;
  } catch (error) {
    const e = AppError.from(error);
    if (fromPage && e.type === "not_found") return seeOther(languagePath(pageLanguage, `/email/unsubscribe/${encodeURIComponent(token)}`));
    const m = messagesFor(language).subscribe;
    return plainAnswer(e.status, language, e.type === "not_found" ? m.linkGoneTitle : e.message, e.message);
  }
  const m = messagesFor(language).subscribe;
  if (fromPage) return seeOther(languagePath(pageLanguage, "/email/unsubscribed"));
  return plainAnswer(200, language, m.unsubscribedTitle, m.unsubscribedBody);
}

import { AppError } from "@/lib/errors";
import { languagePath, plainAnswer, requestLanguage, seeOther } from "@/server/subscriptions/form-responses";
import { confirmSubscription } from "@/server/subscriptions/preferences";

/**
 * The confirm button's POST (proxy.ts sends POSTs to /email/confirm/<token> here). Back to the
 * link's page with 303 either way: it then says "You're subscribed", or why the link does not work.
 */
export async function POST(request: Request, { params }: RouteContext<"/email/confirm/[token]/submit">) {
  const { token } = await params;
  const language = requestLanguage(request);
  try {
    await confirmSubscription(token);
  } catch (error) {
    const e = AppError.from(error);
    if (e.type !== "not_found" && e.type !== "gone") return plainAnswer(e.status, language, e.message, e.message);
  }
  return seeOther(languagePath(language, `/email/confirm/${encodeURIComponent(token)}`));
}
